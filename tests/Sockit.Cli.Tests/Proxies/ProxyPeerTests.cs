using System.Globalization;
using System.Security.Cryptography;
using Sockit.Cli.Tests.Netcat;
using Sockit.Testing;
using Sockit.Testing.Http;
using Sockit.Testing.Tls;

namespace Sockit.Cli.Tests.Proxies;

/// <summary>
/// connect and get through real proxies started on loopback: microsocks (SOCKS5, socks5:// and socks5h://) and
/// tinyproxy (HTTP CONNECT); bytes checked by SHA-256 against what python3 echoed or nginx served.
/// </summary>
public sealed class ProxyPeerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // One client: echo its first LENGTH bytes, then close. Not "until the client half-closes": microsocks and
    // tinyproxy end both directions at the first end of data, so a test through them cannot half-close.
    private static string EchoScript(int length) => PythonPeer.TcpServerPrologue + $"""
        conn, _ = srv.accept()
        left = {length}
        while left > 0:
            data = conn.recv(min(65536, left))
            if not data:
                break
            conn.sendall(data)
            left -= len(data)
        conn.close()
        """;

    [Theory]
    [InlineData("socks5")]
    [InlineData("socks5h")]
    [InlineData("http")]
    public async Task Connect_ThroughProxy_EchoesFourMiBExactly(string scheme)
    {
        await using var proxy = await StartProxyAsync(scheme);
        var data = new byte[4 * 1024 * 1024];
        Random.Shared.NextBytes(data);
        var (echo, port) = await PythonPeer.StartServerAsync(EchoScript(data.Length));
        await using (echo)
        {
            var result = await Cli.RunAsync(["connect", "--no-shutdown", "--proxy", $"{scheme}://127.0.0.1:{proxy.Port}", "localhost", Text(port)], data, Token);
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Equal(data.Length, result.StdoutBytes.Length);
            Assert.Equal(Convert.ToHexString(SHA256.HashData(data)), Convert.ToHexString(SHA256.HashData(result.StdoutBytes)));
        }
    }

    [Theory]
    [InlineData("socks5")]
    [InlineData("socks5h")]
    [InlineData("http")]
    public async Task Get_HttpThroughProxy_BodyIsNginxsFile(string scheme)
    {
        await using var proxy = await StartProxyAsync(scheme);
        await using var nginx = await NginxServer.StartAsync();
        var file = new byte[3 * 1024 * 1024 + 17];
        Random.Shared.NextBytes(file);
        await File.WriteAllBytesAsync(Path.Combine(nginx.Root, "blob.bin"), file, Token);
        var result = await Cli.RunAsync(["get", "--proxy", $"{scheme}://127.0.0.1:{proxy.Port}", $"http://localhost:{nginx.Port}/blob.bin"], [], Token);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(file)), Convert.ToHexString(SHA256.HashData(result.StdoutBytes)));
    }

    [Fact]
    public async Task Get_HttpsThroughTinyproxy_TunnelsTlsToNginx()
    {
        var certs = TestCertificates.Shared;
        await using var proxy = await StartProxyAsync("http");
        await using var nginx = await NginxServer.StartAsync(certs.Cert("leaf"), certs.Key("leaf"));
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "index.html"), "through the tunnel\n", Token);
        var result = await Cli.RunAsync(["get", "-v", "--cacert", certs.CaPath, "--proxy", $"http://127.0.0.1:{proxy.Port}", nginx.HttpsUrl("/index.html").ToString()], [], Token);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("through the tunnel\n", result.Stdout);
        // -v shows the proxy's steps: the connect to it, the tunnel, then TLS with the origin.
        Assert.Contains($"* connected to 127.0.0.1:{proxy.Port} from", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"* asking proxy http://127.0.0.1:{proxy.Port} for a tunnel to localhost:{nginx.Port}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"* tunnel to localhost:{nginx.Port} open: proxy answered HTTP/1.", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("socks5h")]
    [InlineData("http")]
    public async Task ConnectTls_ThroughProxy_HandshakesWithTheOrigin(string scheme)
    {
        // connect --tls through the tunnel: the certificate checked is the origin's (localhost), not the proxy's.
        var certs = TestCertificates.Shared;
        await using var proxy = await StartProxyAsync(scheme);
        await using var nginx = await NginxServer.StartAsync(certs.Cert("leaf"), certs.Key("leaf"));
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "index.html"), "tls in a tunnel\n", Token);
        var result = await Cli.RunAsync(["connect", "--tls", "--cacert", certs.CaPath, "--no-shutdown", "--proxy", $"{scheme}://127.0.0.1:{proxy.Port}",
            "--send", "GET /index.html HTTP/1.0\r\nHost: localhost\r\n\r\n", "localhost", Text(nginx.Port)], [], Token);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\ntls in a tunnel\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_WithSocksPassword_EchoesThroughMicrosocksWithAuth()
    {
        await using var proxy = await Microsocks.StartAsync("alice", "s3cret");
        var data = new byte[256 * 1024];
        Random.Shared.NextBytes(data);
        var (echo, port) = await PythonPeer.StartServerAsync(EchoScript(data.Length));
        await using (echo)
        {
            var result = await Cli.RunAsync(["connect", "--no-shutdown", "--proxy", $"socks5://alice:s3cret@127.0.0.1:{proxy.Port}", "127.0.0.1", Text(port)], data, Token);
            Assert.True(result.ExitCode == 0, result.Stderr);
            Assert.Equal(Convert.ToHexString(SHA256.HashData(data)), Convert.ToHexString(SHA256.HashData(result.StdoutBytes)));
        }
    }

    [Fact]
    public async Task Get_Socks5h_NameOnlyTheProxyKnows_ResolvedByTheProxy()
    {
        // The proxy lives in a mount namespace whose hosts file knows only-proxy.sockit.test; sockit runs in another
        // whose resolver reads files only and whose hosts file does not: socks5h works, socks5 (resolve here) cannot.
        const string Name = "only-proxy.sockit.test";
        var directory = Directory.CreateTempSubdirectory("sockit-socks5h-").FullName;
        try
        {
            var proxyHosts = Path.Combine(directory, "proxy-hosts");
            var nsswitch = Path.Combine(directory, "nsswitch.conf");
            await File.WriteAllTextAsync(proxyHosts, $"127.0.0.1\tlocalhost {Name}\n", Token);
            await File.WriteAllTextAsync(nsswitch, "hosts: files\n", Token);
            await using var proxy = await Microsocks.StartInNamespaceAsync(proxyHosts, nsswitch);
            await using var nginx = await NginxServer.StartAsync();
            await File.WriteAllTextAsync(Path.Combine(nginx.Root, "index.html"), "resolved over there\n", Token);
            var url = $"http://{Name}:{nginx.Port}/index.html";

            var remote = await Cli.RunWithKnownNamesAsync(["get", "--proxy", $"socks5h://127.0.0.1:{proxy.Port}", url]);
            Assert.True(remote.ExitCode == 0, remote.Stderr);
            Assert.Equal("resolved over there\n", remote.Stdout);

            var local = await Cli.RunWithKnownNamesAsync(["get", "--proxy", $"socks5://127.0.0.1:{proxy.Port}", url]);
            Assert.Equal(68, local.ExitCode);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    internal static async Task<ProxyPeer> StartProxyAsync(string scheme)
    {
        if (scheme == "http")
        {
            var tinyproxy = await Tinyproxy.StartAsync();
            return new ProxyPeer(tinyproxy, tinyproxy.Port);
        }
        var microsocks = await Microsocks.StartAsync();
        return new ProxyPeer(microsocks, microsocks.Port);
    }

    private static string Text(int port) => port.ToString(CultureInfo.InvariantCulture);

    internal sealed record ProxyPeer(IAsyncDisposable Process, int Port) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }
}
