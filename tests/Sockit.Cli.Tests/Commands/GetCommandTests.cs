using System.Text;
using System.Text.Json;
using Sockit.Servers;
using Sockit.Testing;
using Sockit.Testing.Http;

namespace Sockit.Cli.Tests.Commands;

public sealed class GetCommandTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_NginxFile_WritesTheBodyToStdout()
    {
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "index.html"), "<h1>cats</h1>\n", Token);
        var result = await Cli.RunAsync("get", nginx.Url("/index.html").ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("<h1>cats</h1>\n", result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Get_OutputFile_WritesTheBodyThereAndNothingToStdout()
    {
        await using var nginx = await NginxServer.StartAsync();
        var content = new byte[3 * 1024 * 1024];
        new Random(7).NextBytes(content);
        await File.WriteAllBytesAsync(Path.Combine(nginx.Root, "big.bin"), content, Token);
        var output = Path.Combine(Path.GetTempPath(), $"sockit-get-{Guid.NewGuid():N}.bin");
        try
        {
            var result = await Cli.RunAsync("get", nginx.Url("/big.bin").ToString(), "-o", output);
            Assert.Equal(0, result.ExitCode);
            Assert.Empty(result.StdoutBytes);
            Assert.Equal(content, await File.ReadAllBytesAsync(output, Token));
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Get_Include_PrintsStatusLineHeadersThenBody()
    {
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "a.txt"), "body", Token);
        var result = await Cli.RunAsync("get", "-i", nginx.Url("/a.txt").ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\r\nContent-Length: 4\r\n", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\nbody", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Head_SendsHeadAndPrintsOnlyTheHead()
    {
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "a.txt"), "body", Token);
        var result = await Cli.RunAsync("get", "-I", nginx.Url("/a.txt").ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("HTTP/1.1 200 OK\r\n", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\n", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("body", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Raw_PrintsTheWireBytesAndTheRequestOnStderr()
    {
        var wire = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;x=y\r\nabc\r\n0\r\nT: 1\r\n\r\n"u8.ToArray();
        await using var server = ScriptedHttpServer.Start(ScriptedHttpServer.Split(wire, 10, 30, 50));
        var result = await Cli.RunAsync("get", "--raw", server.Url("/raw").ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(wire, result.StdoutBytes);
        Assert.StartsWith("GET /raw HTTP/1.1\r\nHost: 127.0.0.1:", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("Connection: close\r\n\r\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_IncludeChunkedWithTrailers_PrintsTrailersAfterTheBody()
    {
        await using var server = ScriptedHttpServer.Start("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-Sum: 42\r\n\r\n"u8.ToArray());
        var result = await Cli.RunAsync("get", "-i", server.Url().ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nabcX-Sum: 42\r\n\r\n", result.Stdout);
    }

    [Fact]
    public async Task Get_Verbose_TracesStepsRequestInterimAndResponseOnStderr()
    {
        await using var server = ScriptedHttpServer.Start("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray());
        var result = await Cli.RunAsync("get", "-v", server.Url().ToString(), "-H", "X-Hello: there");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ok", result.Stdout);
        Assert.Contains($"* connected to 127.0.0.1:{server.Port}", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("> GET / HTTP/1.1\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("> X-Hello: there\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("* interim response skipped: HTTP/1.1 100 Continue", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("< HTTP/1.1 200 OK\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Http10_SendsAnHttp10Request()
    {
        await using var server = ScriptedHttpServer.Start("HTTP/1.0 200 OK\r\n\r\nuntil close"u8.ToArray());
        var result = await Cli.RunAsync("get", "--http1.0", server.Url().ToString());
        Assert.Equal("until close", result.Stdout);
        Assert.StartsWith("GET / HTTP/1.0\r\n", Encoding.ASCII.GetString(Assert.Single(server.Requests)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Json_DescribesTheResponse()
    {
        await using var python = await PythonHttpServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(python.Root, "a.txt"), "hello", Token);
        var result = await Cli.RunAsync("get", python.Url("/a.txt").ToString(), "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(200, json.RootElement.GetProperty("status").GetInt32());
        // "version" is the document shape's version (docs/cli-json.md); the HTTP version python's server answers with is "httpVersion".
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("1.0", json.RootElement.GetProperty("httpVersion").GetString());
        Assert.Equal("content-length", json.RootElement.GetProperty("framing").GetString());
        Assert.Equal(5, json.RootElement.GetProperty("bodyBytes").GetInt64());
    }

    [Fact]
    public async Task Get_PythonFormat_PrintsWhatPythonReadsFromTheSameServer()
    {
        var wire = "HTTP/1.1 200 OK\r\nContent-Length: 12\r\nX-Q: it's\r\n\r\nline1\nline2\n"u8.ToArray();
        await using var server = ScriptedHttpServer.Start(wire);
        var result = await Cli.RunAsync("get", server.Url().ToString(), "--format", "python");
        var expected = await Python.RunAsync($$"""
            import socket
            s = socket.create_connection(('127.0.0.1', {{server.Port}}))
            s.sendall(b'GET / HTTP/1.1\r\nHost: x\r\n\r\n')
            response = b''
            while True:
                part = s.recv(4096)
                if not part:
                    break
                response += part
            print(repr(response))
            """);
        Assert.Equal(expected, result.Stdout);
    }

    [Fact]
    public async Task Get_BodyCutShort_Exits74WithOneLine()
    {
        await using var server = ScriptedHttpServer.Start(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + new string('x', 1200)));
        var result = await Cli.RunAsync("get", server.Url().ToString());
        Assert.Equal(74, result.ExitCode);
        Assert.Equal("sockit: body cut short: received 1200 of 5000 bytes (the server closed the connection early)\n", result.Stderr);
        Assert.Equal(1200, result.StdoutBytes.Length);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nBad Header\r\n\r\n")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n10000000000000000\r\n")]
    [InlineData("garbage\r\n\r\n")]
    public async Task Get_MalformedOrSmugglingResponse_Exits76WithOneLine(string response)
    {
        await using var server = ScriptedHttpServer.Start(Encoding.ASCII.GetBytes(response));
        var result = await Cli.RunAsync("get", server.Url().ToString());
        Assert.Equal(76, result.ExitCode);
        Assert.Matches(@"^sockit: [^\n]+\n$", result.Stderr);
    }

    [Fact]
    public async Task Get_ServerResetsMidBody_Exits74()
    {
        await using var server = ScriptedHttpServer.Start("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\nabc"u8.ToArray(), ScriptedHttpEnding.Reset);
        var result = await Cli.RunAsync("get", server.Url().ToString());
        Assert.Equal(74, result.ExitCode);
        Assert.Matches(@"^sockit: connection failed reading the body \(received 3 of 5000 bytes\): the server reset the connection\n$", result.Stderr);
    }

    [Fact]
    public async Task Get_TimeoutWhileServerStalls_Exits75()
    {
        await using var server = ScriptedHttpServer.Start("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"u8.ToArray(), ScriptedHttpEnding.Stall);
        var result = await Cli.RunAsync("get", "--timeout", "0.3", server.Url().ToString());
        Assert.Equal(75, result.ExitCode);
        Assert.StartsWith("sockit: timed out after 0.3 s reading the body (received 3 of 10 bytes)", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NothingListening_Exits69()
    {
        var port = FreePorts.Get();
        var result = await Cli.RunAsync("get", $"http://127.0.0.1:{port}/");
        Assert.Equal(69, result.ExitCode);
        Assert.Contains("connection refused", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gopher://localhost/")]
    [InlineData("ftp://localhost/")]
    [InlineData("http://")]
    public async Task Get_NotAnHttpUrl_Exits64(string url)
    {
        var result = await Cli.RunAsync("get", url);
        Assert.Equal(64, result.ExitCode);
        Assert.Matches(@"^sockit: [^\n]+\n$", result.Stderr);
    }

    [Theory]
    [InlineData("-H", "NoColon")]
    [InlineData("-H", "Bad Name: x")]
    [InlineData("--timeout", "0")]
    [InlineData("--timeout", "-1")]
    public async Task Get_BadOption_Exits64(string option, string value)
    {
        var result = await Cli.RunAsync("get", "http://127.0.0.1:9/", option, value);
        Assert.Equal(64, result.ExitCode);
        Assert.Matches(@"^sockit: [^\n]+\n$", result.Stderr);
    }

    [Fact]
    public async Task Get_OutputInMissingDirectory_Exits74()
    {
        var result = await Cli.RunAsync("get", "http://127.0.0.1:9/", "-o", "/nonexistent-dir/x/file");
        Assert.Equal(74, result.ExitCode);
        Assert.StartsWith("sockit: cannot write '/nonexistent-dir/x/file'", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownHost_Exits68WithoutAskingAnyDnsServer()
    {
        // A private mount namespace where the resolver only reads /etc/hosts: no query leaves the machine.
        var dir = Directory.CreateTempSubdirectory("sockit-get-nss-").FullName;
        try
        {
            var nsswitch = Path.Combine(dir, "nsswitch.conf");
            await File.WriteAllTextAsync(nsswitch, "hosts: files\n", Token);
            var result = await MountNamespace.RunAsync(
                $"mount --bind {MountNamespace.Quote(nsswitch)} /etc/nsswitch.conf && exec {Cli.ShellCommand} get http://no-such-host.sockit.test/",
                TimeSpan.FromSeconds(20));
            Assert.Equal(68, result.ExitCode);
            Assert.Equal("sockit: cannot resolve 'no-such-host.sockit.test': unknown host (check the name, or use an address)\n", result.Stderr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
