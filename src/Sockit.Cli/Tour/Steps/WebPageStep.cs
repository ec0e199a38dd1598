using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Sockit.Cli.Rendering;
using Sockit.Connections;
using Sockit.Http;
using Sockit.Servers;

namespace Sockit.Cli.Tour;

/// <summary>
/// Lesson step 5: a web page over a raw socket. The page comes from a server the tour starts on loopback, in chunks
/// with pauses between them (or from <c>--url</c>); the lesson's loop (stop at the first short recv) is compared with
/// reading the same request's response by its framing, and python3 runs the lesson's Python against the same server.
/// </summary>
internal sealed class WebPageStep : ITourStep
{
    private const int BufferSize = 4096;

    private static readonly string[] s_pagePieces =
    [
        "<!doctype html>\n<html><head><title>sockit tour</title></head><body>\n<h1>A page sent in pieces</h1>\n",
        "<p>This server sends its page in chunks, pausing between them, as servers do while they build a page.</p>\n",
        "<p>A reader that stops at the first short recv() returns before this paragraph arrives.</p>\n",
        "<p>A reader that follows the framing (RFC 9112 section 6.3) gets every byte, up to the last chunk.</p>\n</body></html>\n",
    ];

    private static readonly IReadOnlyList<byte[]> s_pageWire = ChunkedPage.Frame(s_pagePieces);

    // Short, bounded waits: the tour runs its servers on loopback, and the suite runs the tour many times.
    private static readonly TimeSpan s_pause = TimeSpan.FromMilliseconds(150);
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    public string Title => "A web page over a raw socket: the lesson's read loop and the right one";

    public async Task<TourStep> RunAsync(int number, TourOptions options, CancellationToken cancellationToken)
    {
        const string explanation = "The client sends an HTTP request as bytes and reads the reply. TCP delivers the reply in whatever pieces it likes; "
            + "a recv() shorter than its buffer only means that is all that has arrived yet, so a reader must follow the message's own framing.";
        ScriptedHttpServer? server = null;
        try
        {
            Uri url;
            if (options.Url is null)
            {
                server = ScriptedHttpServer.Start(s_pageWire, s_pause);
                url = server.Url();
            }
            else
            {
                url = options.Url;
            }
            var (lines, framing) = await RunLinesAsync(url, cancellationToken).ConfigureAwait(false);
            var notes = new List<string>
            {
                server is null
                    ? $"fetched {url}"
                    : $"the server is the tour's own, on {url}, sending a chunked page in {s_pageWire.Count} pieces {s_pause.TotalMilliseconds:0} ms apart",
                $"the server framed its response {FramingWords(framing)}; both readers sent the same request on connections of their own, so their byte counts compare like with like",
                "the lesson's first request sends `Host: 'cutecatvideos.net'`, quotes and all: a Host header holds a bare host name (RFC 9110 section 7.2), which is likely why its server answered 403 Forbidden; "
                    + "the tour sends the host without quotes, as the lesson's second request does",
                "as printed, the lesson's loop keeps only the last part (its `response += msg_part` is indented under the `if`); this is the loop it meant",
                "python3 ran the same Python against the same server, while it was still running",
            };
            var step = new TourStep(number, Title, explanation, lines, notes);
            return await PythonCheck.RunAsync(step, cancellationToken).ConfigureAwait(false);
        }
        catch (SockitException e)
        {
            return new TourStep(number, Title, explanation, [], [$"this step could not run: {e.Message}"]);
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task<(IReadOnlyList<TourLine> Lines, HttpBodyFraming Framing)> RunLinesAsync(Uri url, CancellationToken cancellationToken)
    {
        var host = url.Host;
        var port = url.Port;
        var lines = new List<TourLine>();
        var hostText = PyRepr.Str(host);

        var sockInfo = Py.GetAddrInfo(host, port).First(i => i.SocketType == SocketType.Stream);
        lines.Add(TourLine.Checked(
            $"sock_info = [i for i in socket.getaddrinfo({hostText}, {port}) if i[1] == socket.SOCK_STREAM][0]\nsock_info",
            $"var sockInfo = Py.GetAddrInfo(\"{host}\", {port}).First(i => i.SocketType == SocketType.Stream);",
            PyNaming.AddrInfo(sockInfo)));

        var request = LessonFetch.Request(url);
        var requestLines = Encoding.UTF8.GetString(request).Split("\r\n");
        lines.Add(TourLine.Checked(
            $"msg = \"{requestLines[0]}\\r\\n\"\nmsg += \"{requestLines[1]}\\r\\n\\r\\n\"\nmsg = msg.encode('utf8')\nmsg",
            "var msg = LessonFetch.Request(url);",
            PyRepr.Bytes(request)));

        var address = sockInfo.EndPoint.Address.ToString();
        var connectOptions = new ConnectOptions { ConnectTimeout = s_timeout };
        LessonRead lessonWay;
        using (var connection = await Connector.ConnectAsync(address, port, connectOptions, cancellationToken).ConfigureAwait(false))
        {
            await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
            lines.Add(TourLine.Checked(
                "client_socket = socket.socket(*sock_info[:3])\nclient_socket.connect(sock_info[-1])\nclient_socket.sendall(msg)",
                $"using var connection = await Connector.ConnectAsync(\"{address}\", {port});\nawait connection.SendAsync(msg);",
                PyRepr.None));
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(s_timeout);
            lessonWay = await LessonFetch.ReadUntilShortAsync(connection, BufferSize, deadline.Token).ConfigureAwait(false);
        }
        var response = lessonWay.Data;
        lines.Add(TourLine.Checked(
            $"buffsize = {BufferSize}\nresponse = b''\ndone = False\nwhile not done:\n    msg_part = client_socket.recv(buffsize)\n    response += msg_part\n    if len(msg_part) < buffsize:\n        done = True\n        client_socket.close()\nlen(response)",
            $"var lessonWay = await LessonFetch.ReadUntilShortAsync(connection, {BufferSize});  // recv until one is short\nlessonWay.Data.Length",
            PyRepr.Int(response.Length)));
        lines.Add(TourLine.Checked("response[:60]", "lessonWay.Data[..Math.Min(60, lessonWay.Data.Length)]",
            PyRepr.Bytes(response.AsSpan(0, Math.Min(60, response.Length))), ResultVaries.Date));

        // As Python slices: find() gives -1 when the head's end has not arrived, and [:-1] drops the last byte.
        var headEnd = response.AsSpan().IndexOf("\r\n\r\n"u8);
        var head = Encoding.Latin1.GetString(headEnd >= 0 ? response.AsSpan(0, headEnd) : response.AsSpan(0, Math.Max(0, response.Length - 1)));
        lines.Add(TourLine.Checked(
            "response[:response.find(b'\\r\\n\\r\\n')].decode('latin-1').split('\\r\\n')  # the head: status line and header fields",
            "Encoding.Latin1.GetString(lessonWay.Data[..headEnd]).Split(\"\\r\\n\")",
            PyRepr.StrList(head.Split("\r\n")), ResultVaries.Date));

        // The right way, for the same request: read one response by its framing (RFC 9112 section 6.3).
        HttpWireResponse reply;
        using var body = new MemoryStream();
        using (var again = await Connector.ConnectAsync(address, port, connectOptions, cancellationToken).ConfigureAwait(false))
        {
            await again.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await using var stream = new NetworkStream(again.Socket, ownsSocket: false);
            reply = await HttpWireClient.ReadResponseAsync(stream, "GET", body, options: new HttpWireClientOptions { Timeout = s_timeout }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        lines.Add(TourLine.Checked(
            "import http.client\nclient_socket = socket.create_connection(sock_info[-1])\nclient_socket.sendall(msg)\nreply = http.client.HTTPResponse(client_socket)\nreply.begin()\nbody = reply.read()\n"
                + "reply.status, reply.getheader('Transfer-Encoding'), reply.getheader('Content-Length'), len(body)",
            "using var again = await Connector.ConnectAsync(...); await again.SendAsync(msg);\n"
                + "var reply = await HttpWireClient.ReadResponseAsync(new NetworkStream(again.Socket), \"GET\", body);\n"
                + "(reply.Head.StatusCode, reply.Head.GetValue(\"Transfer-Encoding\"), reply.Head.GetValue(\"Content-Length\"), reply.BodyLength)",
            PyRepr.Tuple(
                PyRepr.Int(reply.Head.StatusCode),
                OptionalStr(reply.Head.GetValues("Transfer-Encoding")),
                OptionalStr(reply.Head.GetValues("Content-Length")),
                PyRepr.Int(reply.BodyLength))));

        lines.Add(reply.Framing == HttpBodyFraming.Chunked
            ? TourLine.Checked("response.endswith(b'0\\r\\n\\r\\n')  # did the last chunk arrive?",
                "lessonWay.Data.AsSpan().EndsWith(\"0\\r\\n\\r\\n\"u8)",
                PyRepr.Bool(response.AsSpan().EndsWith("0\r\n\r\n"u8)))
            : TourLine.Checked("len(response) - response.find(b'\\r\\n\\r\\n') - 4 == len(body)  # did the whole body arrive?",
                "lessonWay.Data.Length - headEnd - 4 == reply.BodyLength",
                PyRepr.Bool(response.Length - headEnd - 4 == reply.BodyLength)));
        lines.Add(new TourLine(
            "# bytes the lesson's loop did not wait for (the whole response on the wire, less what it kept)",
            "reply.WireBytesReceived - lessonWay.Data.Length",
            PyRepr.Int(reply.WireBytesReceived - response.Length)));
        return (lines, reply.Framing);
    }

    // http.client's getheader: None when absent, the values joined with ", " when repeated.
    private static string OptionalStr(IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count == 0 ? PyRepr.None : PyRepr.Str(string.Join(", ", list));
    }

    private static string FramingWords(HttpBodyFraming framing) => framing switch
    {
        HttpBodyFraming.Chunked => "with Transfer-Encoding: chunked (the body comes in sized chunks, a zero-size chunk ends it)",
        HttpBodyFraming.ContentLength => "with Content-Length (the body is exactly that many bytes)",
        HttpBodyFraming.UntilClose => "by closing the connection (the body ends where the connection does)",
        _ => string.Create(CultureInfo.InvariantCulture, $"with no body ({framing})"),
    };
}
