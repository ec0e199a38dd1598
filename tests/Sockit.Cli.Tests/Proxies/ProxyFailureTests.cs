using System.Globalization;
using Sockit.Cli.Tests.Netcat;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Proxies;

/// <summary>Each way a proxy says no, or is not a proxy at all: its exact line on stderr and its exit code.</summary>
public sealed class ProxyFailureTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connect_WrongSocksPassword_Exits77()
    {
        await using var proxy = await Microsocks.StartAsync("alice", "s3cret");
        var result = await Cli.RunAsync(["connect", "--proxy", $"socks5://alice:wrong@127.0.0.1:{proxy.Port}", "127.0.0.1", "9"], [], Token);
        Assert.Equal(77, result.ExitCode);
        // microsocks answers a refused password with RFC 1929 status 2 (any status but 0 is a refusal).
        Assert.Equal($"sockit: proxy socks5://alice@127.0.0.1:{proxy.Port} refused the username and password of 'alice' (RFC 1929 status 2) (check the username and password in --proxy)\n", result.Stderr);
    }

    [Fact]
    public async Task Connect_NoCredentialsForAnAuthenticatingProxy_Exits77()
    {
        await using var proxy = await Microsocks.StartAsync("alice", "s3cret");
        var result = await Cli.RunAsync(["connect", "--proxy", $"socks5://127.0.0.1:{proxy.Port}", "127.0.0.1", "9"], [], Token);
        Assert.Equal(77, result.ExitCode);
        Assert.Equal($"sockit: proxy socks5://127.0.0.1:{proxy.Port} wants authentication: it accepted none of the methods offered (no authentication; no username and password was given) (give the proxy's username and password: --proxy SCHEME://USER:PASS@HOST:PORT)\n", result.Stderr);
    }

    [Fact]
    public async Task Connect_MicrosocksFindsTargetClosed_Exits69WithReply5()
    {
        await using var proxy = await Microsocks.StartAsync();
        var closed = FreePorts.Get();
        var result = await Cli.RunAsync(["connect", "--proxy", $"socks5://127.0.0.1:{proxy.Port}", "127.0.0.1", Text(closed)], [], Token);
        Assert.Equal(69, result.ExitCode);
        Assert.Equal($"sockit: proxy socks5://127.0.0.1:{proxy.Port} could not connect to 127.0.0.1:{closed}: connection refused (SOCKS5 reply 5) (the proxy could not reach 127.0.0.1 port {closed} from where it runs: is a server listening there?)\n", result.Stderr);
    }

    [Fact]
    public async Task Get_TinyproxyFindsTargetClosed_Exits69WithItsStatus()
    {
        await using var proxy = await Tinyproxy.StartAsync();
        var closed = FreePorts.Get();
        var result = await Cli.RunAsync(["get", "--proxy", $"http://127.0.0.1:{proxy.Port}", $"http://127.0.0.1:{closed}/"], [], Token);
        Assert.Equal(69, result.ExitCode);
        Assert.Equal($"sockit: proxy http://127.0.0.1:{proxy.Port} could not connect to 127.0.0.1:{closed}: 500 Unable to connect (the proxy could not reach 127.0.0.1 port {closed} from where it runs: is a server listening there?)\n", result.Stderr);
    }

    [Fact]
    public async Task Connect_TinyproxyForbidsThePort_Exits69With403()
    {
        var allowed = FreePorts.Get();
        await using var proxy = await Tinyproxy.StartAsync(allowed);
        var forbidden = allowed == 65535 ? allowed - 1 : allowed + 1;
        var result = await Cli.RunAsync(["connect", "--proxy", $"http://127.0.0.1:{proxy.Port}", "127.0.0.1", Text(forbidden)], [], Token);
        Assert.Equal(69, result.ExitCode);
        Assert.Equal($"sockit: proxy http://127.0.0.1:{proxy.Port} refused to connect to 127.0.0.1:{forbidden}: 403 Access violation (the proxy's rules forbid this target: check its configuration (tinyproxy's ConnectPort, say), or use another proxy)\n", result.Stderr);
    }

    [Theory]
    // An HTTP proxy that answers in another protocol, and a SOCKS5 "proxy" that answers HTTP.
    [InlineData("http", "SSH-2.0-OpenSSH_9.2\\r\\n", "did not answer as an HTTP proxy: 'SSH-' is not an HTTP reply (is that port an HTTP proxy? a SOCKS proxy takes --proxy socks5://)")]
    [InlineData("http", "HTTP/1.1 200 OK\\n\\n", "did not answer as an HTTP proxy: a line of its reply ends in LF without CR (is that port an HTTP proxy? a SOCKS proxy takes --proxy socks5://)")]
    [InlineData("http", "HTTP/1.1 200 OK\\r\\nno colon here\\r\\n\\r\\n", "did not answer as an HTTP proxy: 'no colon here' in its reply is not a header field (is that port an HTTP proxy? a SOCKS proxy takes --proxy socks5://)")]
    [InlineData("socks5", "HTTP/1.1 400 Bad Request\\r\\n\\r\\n", "did not answer as a SOCKS5 proxy: version byte 0x48, expected 0x05 (is that port a SOCKS5 proxy? an HTTP proxy takes --proxy http://)")]
    [InlineData("socks5", "\\x05\\x00\\x05\\x00\\x00\\x09\\x00", "did not answer as a SOCKS5 proxy: its reply has address type 0x09, not 1, 3 or 4 (is that port a SOCKS5 proxy? an HTTP proxy takes --proxy http://)")]
    public async Task Connect_FakeProxyAnswersGarbage_Exits76(string scheme, string answer, string expected)
    {
        // python3 reads what the client sent first, then answers with the bytes given.
        var (fake, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + $"""
            conn, _ = srv.accept()
            conn.recv(1024)
            conn.sendall(b"{answer}")
            import time
            time.sleep(5)
            """);
        await using (fake)
        {
            var result = await Cli.RunAsync(["connect", "--proxy", $"{scheme}://127.0.0.1:{port}", "127.0.0.1", "9"], [], Token);
            Assert.Equal(76, result.ExitCode);
            Assert.Equal($"sockit: proxy {scheme}://127.0.0.1:{port} {expected}\n", result.Stderr);
        }
    }

    [Theory]
    [InlineData("connect")]
    [InlineData("get")]
    public async Task ProxyPortRefuses_Exits69NamingTheProxy(string command)
    {
        var closed = FreePorts.Get();
        string[] args = command == "get"
            ? ["get", "--proxy", $"socks5://127.0.0.1:{closed}", "http://127.0.0.1:9/"]
            : ["connect", "--proxy", $"socks5://127.0.0.1:{closed}", "127.0.0.1", "9"];
        var result = await Cli.RunAsync(args, [], Token);
        Assert.Equal(69, result.ExitCode);
        Assert.Equal($"sockit: cannot connect to proxy socks5://127.0.0.1:{closed}: Connection refused (is the proxy running, and on that port? check --proxy)\n", result.Stderr);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:21", "sockit: --proxy ftp://127.0.0.1:21: scheme 'ftp' is not a proxy scheme: give socks5://, socks5h:// or http:// (for example --proxy socks5://127.0.0.1:1080 or --proxy http://127.0.0.1:8888)")]
    [InlineData("socks5://127.0.0.1:70000", "sockit: --proxy socks5://127.0.0.1:70000: port '70000' is not a port number: 1-65535 (for example --proxy socks5://127.0.0.1:1080 or --proxy http://127.0.0.1:8888)")]
    [InlineData("socks5://127.0.0.1", "sockit: --proxy socks5://127.0.0.1: give a host and a port: scheme://host:port (a proxy has no default port) (for example --proxy socks5://127.0.0.1:1080 or --proxy http://127.0.0.1:8888)")]
    [InlineData("127.0.0.1:1080", "sockit: --proxy 127.0.0.1:1080: no scheme: a proxy URL starts with socks5://, socks5h:// or http:// (for example --proxy socks5://127.0.0.1:1080 or --proxy http://127.0.0.1:8888)")]
    public async Task BadProxyUrl_IsOneUsageLine(string url, string expected)
    {
        var result = await Cli.RunAsync(["connect", "--proxy", url, "127.0.0.1", "9"], [], Token);
        Assert.Equal(64, result.ExitCode);
        Assert.Equal(expected + "\n", result.Stderr);
    }

    [Theory]
    [InlineData("-u")]
    [InlineData("-z")]
    public async Task ProxyWithUdpOrScan_IsOneUsageLine(string flag)
    {
        var result = await Cli.RunAsync(["connect", flag, "--proxy", "socks5://127.0.0.1:1080", "127.0.0.1", "9"], [], Token);
        Assert.Equal(64, result.ExitCode);
        Assert.Equal("sockit: --proxy tunnels one TCP connection to HOST PORT: drop -u (SOCKS5's UDP ASSOCIATE is not supported), -U or -z\n", result.Stderr);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);
}
