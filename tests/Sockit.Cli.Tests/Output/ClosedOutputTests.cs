using Sockit.Testing;

namespace Sockit.Cli.Tests.Output;

/// <summary>
/// stdout closed (<c>&gt;&amp;-</c>) or its reader gone (<c>| head -c 10</c>): real processes in a real shell pipeline,
/// against a python3 server that streams a 1 GiB body and says how much it sent before the connection closed.
/// sockit must stop at once, close the socket and exit 74 with one line, as curl stops with its write error.
/// </summary>
public sealed class ClosedOutputTests
{
    private const long BigBody = 1L << 30;

    // Accepts one connection, optionally reads the request, then sends a 1 GiB body (with an HTTP head for get) and
    // prints how many body bytes went out before the peer closed (or "finished" when all of it did).
    private const string BigServer = """
        import socket, sys
        http = sys.argv[1] == "http"
        total = 1 << 30
        s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind(("127.0.0.1", 0)); s.listen(1)
        print(s.getsockname()[1], flush=True)
        c, _ = s.accept()
        if http:
            c.recv(65536)
            c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % total)
        chunk = b"x" * 65536; sent = 0
        try:
            while sent < total:
                sent += c.send(chunk)
            print("finished", sent, flush=True)
        except OSError as e:
            print("closed", sent, flush=True)
        """;

    [Theory]
    [InlineData("service ssh")]
    [InlineData("--version")]
    [InlineData("--help")]
    [InlineData("constants")]
    public async Task StdoutClosed_OneLine_Exit74(string arguments)
    {
        var result = await ProcessRunner.RunAsync("/bin/bash", ["-c", $"exec {Cli.ShellCommand} {arguments} >&-"], timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(74, result.ExitCode);
        Assert.Equal("sockit: cannot write to stdout: it is closed (give sockit an output, such as >/dev/null)\n", result.Stderr);
    }

    [Fact]
    public async Task StdoutClosed_Json_OneObject()
    {
        var result = await ProcessRunner.RunAsync("/bin/bash", ["-c", $"exec {Cli.ShellCommand} --format json service ssh >&-"], timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(74, result.ExitCode);
        Assert.Equal("""{"error":"io","exit":74,"message":"cannot write to stdout: it is closed (give sockit an output, such as >/dev/null)"}""" + "\n", result.Stderr);
    }

    [Theory]
    [InlineData("get", "http")]
    [InlineData("connect", "raw")]
    public async Task ReaderGoesAway_StopsAtOnce_ClosesTheSocket_Exit74(string command, string mode)
    {
        var python = Peers.Require("python3");
        using var server = ProcessRunner.Start(python, ["-c", BigServer, mode]);
        var ct = TestContext.Current.CancellationToken;
        var port = int.Parse((await server.StandardOutput.ReadLineAsync(ct))!, System.Globalization.CultureInfo.InvariantCulture);
        var target = command == "get" ? $"http://127.0.0.1:{port}/" : $"127.0.0.1 {port}";

        // head -c 10 reads ten bytes and exits; the next write of sockit's meets a pipe with no reader (EPIPE).
        var script = $"{Cli.ShellCommand} {command} {target} </dev/null 2>/tmp/sockit-epipe-$$ | head -c 10 >/dev/null; "
            + "code=${PIPESTATUS[0]}; cat /tmp/sockit-epipe-$$ >&2; rm -f /tmp/sockit-epipe-$$; exit $code";
        var result = await ProcessRunner.RunAsync("/bin/bash", ["-c", script], timeout: TimeSpan.FromSeconds(30));
        var serverSaw = await server.StandardOutput.ReadLineAsync(ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), ct);
        await server.WaitForExitAsync(ct);

        Assert.Equal(74, result.ExitCode);
        Assert.Equal("sockit: cannot write to stdout: broken pipe, its reader went away (sockit stopped there)\n", result.Stderr);
        // The server's send failed because sockit closed the connection, long before the 1 GiB could have gone out.
        var words = serverSaw!.Split(' ');
        Assert.Equal("closed", words[0]);
        Assert.True(long.Parse(words[1], System.Globalization.CultureInfo.InvariantCulture) < BigBody / 8, serverSaw);
    }
}
