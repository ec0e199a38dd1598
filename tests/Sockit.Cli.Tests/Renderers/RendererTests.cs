using System.Net;
using System.Text;
using Sockit.Cli.Commands;
using Sockit.Cli.Rendering;
using Sockit.Connections;
using Sockit.Http;
using Sockit.Servers;

namespace Sockit.Cli.Tests.Renderers;

/// <summary>
/// The streaming renderers on their own, fed events by hand and compared with hand-written bytes: what each format
/// prints for the same exchange, with no socket and no command around it.
/// </summary>
public sealed class RendererTests
{
    private static readonly IPEndPoint s_peer = new(IPAddress.Loopback, 9000);

    [Fact]
    public void NetcatJson_DataAndServerEvents_AreOneCompactLineEach()
    {
        var (console, stdout, stderr) = Console();
        var renderer = NetcatRenderer.For(OutputFormat.Json, console, hex: false, namePeers: true);
        renderer.ServerEvent(new ServerEvent(ServerEventKind.Connected, s_peer));
        renderer.Data(s_peer, RelayDirection.Received, [0x00, 0xFF, (byte)'"']);
        renderer.Data(new IPEndPoint(IPAddress.IPv6Loopback, 9001), RelayDirection.Sent, "hé"u8);
        renderer.ServerEvent(new ServerEvent(ServerEventKind.IdleTimedOut, s_peer, "idle for 2 s"));
        renderer.ServerEvent(new ServerEvent(ServerEventKind.Rejected, s_peer, "too many clients"));
        renderer.Failed(new ConnectionException(SockitFailure.Refused, "connect to 127.0.0.1 port 9: connection refused"));
        Assert.Equal(
            """
            {"version":1,"event":"connected","peer":"127.0.0.1:9000"}
            {"version":1,"event":"data","peer":"127.0.0.1:9000","direction":"received","bytes":3,"base64":"AP8i"}
            {"version":1,"event":"data","peer":"[::1]:9001","direction":"sent","bytes":3,"base64":"aMOp"}
            {"version":1,"event":"closed","peer":"127.0.0.1:9000","reason":"idle for 2 s"}
            {"version":1,"event":"rejected","peer":"127.0.0.1:9000","reason":"too many clients"}
            {"version":1,"event":"error","error":"refused","exit":69,"message":"connect to 127.0.0.1 port 9: connection refused"}

            """.ReplaceLineEndings("\n"), Encoding.UTF8.GetString(stdout.ToArray()));
        // The status lines people read stay on stderr, as in text.
        Assert.Equal("connection from 127.0.0.1:9000\nclosed 127.0.0.1:9000: idle for 2 s\nrejected 127.0.0.1:9000: too many clients\n", Encoding.UTF8.GetString(stderr.ToArray()));
        Assert.Same(Stream.Null, renderer.Output);
    }

    [Fact]
    public async Task NetcatText_ReceivedBytes_GoToStdoutExactly_EventsOnlyOnStderr()
    {
        var (console, stdout, stderr) = Console();
        var output = new BoundedConsoleWriter(console.OutputStream, BoundedConsoleWriter.TextNotice);
        var error = new BoundedConsoleWriter(console.ErrorStream, BoundedConsoleWriter.TextNotice);
        var renderer = NetcatRenderer.For(OutputFormat.Text, console, hex: false, namePeers: true, output, error);
        renderer.ServerEvent(new ServerEvent(ServerEventKind.Connected, s_peer));
        await renderer.ConsumeAsync(s_peer, new byte[] { 0x00, 0xFF, 0x0A }, TestContext.Current.CancellationToken);
        renderer.ServerEvent(new ServerEvent(ServerEventKind.Closed, s_peer));
        await output.DisposeAsync();
        await error.DisposeAsync();
        Assert.Equal(new byte[] { 0x00, 0xFF, 0x0A }, stdout.ToArray());
        Assert.Equal("connection from 127.0.0.1:9000\nclosed 127.0.0.1:9000\n", Encoding.UTF8.GetString(stderr.ToArray()));
    }

    [Fact]
    public void GetText_Include_HeadWhenItArrives_TrailersAtTheEnd()
    {
        var (console, stdout, stderr) = Console();
        var renderer = GetRenderer.For(console, Arguments(OutputFormat.Text, include: true));
        var head = new HttpResponseHead(new HttpStatusLine(new Version(1, 1), 200, "OK"), [new("Transfer-Encoding", "chunked")]);
        renderer.OnHead(head, HttpBodyFraming.Chunked, null);
        Assert.Equal("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", Encoding.UTF8.GetString(stdout.ToArray()));
        renderer.Body.Write("body"u8);
        renderer.Completed(new HttpWireResponse { Head = head, Framing = HttpBodyFraming.Chunked, Trailers = [new("Checksum", "abc")] });
        Assert.Equal("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nbodyChecksum: abc\r\n\r\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Empty(stderr.ToArray());
    }

    [Fact]
    public void GetText_Verbose_TracesOnStderrOnly()
    {
        var (console, stdout, stderr) = Console();
        var renderer = GetRenderer.For(console, Arguments(OutputFormat.Text, verbose: true));
        renderer.OnTrace("connected to 127.0.0.1:80");
        renderer.OnRequestSent("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8);
        renderer.OnHead(new HttpResponseHead(new HttpStatusLine(new Version(1, 0), 404, "Not Found"), []), HttpBodyFraming.UntilClose, null);
        Assert.Empty(stdout.ToArray());
        Assert.Equal("* connected to 127.0.0.1:80\n> GET / HTTP/1.1\n> Host: x\n>\n< HTTP/1.0 404 Not Found\n<\n", Encoding.UTF8.GetString(stderr.ToArray()));
    }

    [Fact]
    public void GetPython_PrintsEveryWireByteAsPythonRepr()
    {
        var (console, stdout, _) = Console();
        var renderer = GetRenderer.For(console, Arguments(OutputFormat.Python));
        renderer.OnResponseBytes("HTTP/1.0 200 OK\r\n\r\n"u8);
        renderer.OnResponseBytes([0x00, (byte)'\'', 0xFF]);
        renderer.Completed(new HttpWireResponse { Head = new HttpResponseHead(new HttpStatusLine(new Version(1, 0), 200, "OK"), []) });
        Assert.Equal("b\"HTTP/1.0 200 OK\\r\\n\\r\\n\\x00'\\xff\"\n", Encoding.UTF8.GetString(stdout.ToArray()));
        Assert.Same(Stream.Null, renderer.Body);
    }

    private static GetArguments Arguments(OutputFormat format, bool include = false, bool verbose = false) =>
        new(new HttpWireRequest(new Uri("http://127.0.0.1/")), include, Raw: false, verbose, Progress: false, OutputPath: null, Timeout: null, format);

    private static (CliConsole Console, MemoryStream Stdout, MemoryStream Stderr) Console()
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        return (new CliConsole(new MemoryStream(), stdout, stderr), stdout, stderr);
    }
}
