using Sockit.Cli.Rendering;
using Sockit.Http;
using Sockit.Servers;

namespace Sockit.Cli.Tour;

/// <summary>
/// Lesson step 5: a web page over a raw socket. The page comes from a server the tour starts on loopback, in chunks
/// with pauses between them; the lesson's loop (stop at the first short recv) is compared with reading by the framing.
/// </summary>
internal sealed class WebPageStep : ITourStep
{
    private static readonly string[] s_pagePieces =
    [
        "<!doctype html>\n<html><head><title>sockit tour</title></head><body>\n<h1>A page sent in pieces</h1>\n",
        "<p>This server sends its page in chunks, pausing between them, as servers do while they build a page.</p>\n",
        "<p>A reader that stops at the first short recv() returns before this paragraph arrives.</p>\n",
        "<p>A reader that follows the framing (RFC 9112 section 6.3) gets every byte, up to the last chunk.</p>\n</body></html>\n",
    ];

    private static readonly IReadOnlyList<byte[]> s_pageWire = ChunkedPage.Frame(s_pagePieces);

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
                server = ScriptedHttpServer.Start(s_pageWire, TimeSpan.FromMilliseconds(150));
                url = server.Url();
            }
            else
            {
                url = options.Url;
            }
            var lines = await RunLinesAsync(url, cancellationToken).ConfigureAwait(false);
            List<string> notes = server is null
                ? [$"fetched {url}"]
                : [$"the server is the tour's own, on {url}, sending a chunked page in {s_pageWire.Count} pieces 150 ms apart",
                   "as printed, the lesson's loop keeps only the last part (its `response += msg_part` is indented under the `if`); this is the loop it meant"];
            return new TourStep(number, Title, explanation, lines, notes);
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

    private static async Task<IReadOnlyList<TourLine>> RunLinesAsync(Uri url, CancellationToken cancellationToken)
    {
        var request = LessonFetch.Request(url);
        var requestText = System.Text.Encoding.UTF8.GetString(request);
        var hostLine = requestText.Split("\r\n")[1];
        var lessonWay = await LessonFetch.FetchAsync(url, request, cancellationToken: cancellationToken).ConfigureAwait(false);

        using var body = new MemoryStream();
        var client = new HttpWireClient(new HttpWireClientOptions { Timeout = TimeSpan.FromSeconds(30) });
        var response = await client.SendAsync(new HttpWireRequest(url), body, cancellationToken: cancellationToken).ConfigureAwait(false);
        var lost = response.WireBytesReceived - lessonWay.Data.Length;

        return
        [
            new($"msg = \"GET {url.PathAndQuery} HTTP/1.1\\r\\n\"\nmsg += \"{hostLine}\\r\\n\\r\\n\"\nmsg = msg.encode('utf8')\nmsg",
                "var msg = LessonFetch.Request(url);",
                PyRepr.Bytes(request),
                $"(\"GET {url.PathAndQuery} HTTP/1.1\\r\\n\" + \"{hostLine}\\r\\n\\r\\n\").encode('utf8')"),
            new("client_socket.connect(sock_info[-1]); client_socket.sendall(msg)\nresponse = b''\nwhile True:\n    msg_part = client_socket.recv(4096)\n    response += msg_part\n    if len(msg_part) < 4096:\n        break\nlen(response)",
                "var lessonWay = await LessonFetch.FetchAsync(url, msg);  // recv(4096) until one is short\nlessonWay.Data.Length",
                PyRepr.Int(lessonWay.Data.Length)),
            new("response.endswith(b'0\\r\\n\\r\\n')  # did the last chunk arrive?",
                "lessonWay.Data.AsSpan().EndsWith(\"0\\r\\n\\r\\n\"u8)",
                PyRepr.Bool(lessonWay.Data.AsSpan().EndsWith("0\r\n\r\n"u8))),
            new("# the right way: read until the framing says the response is complete (RFC 9112 section 6.3)",
                "var response = await new HttpWireClient().SendAsync(new HttpWireRequest(url), body);\n(response.Head.StatusCode, response.Framing, response.BodyLength)",
                PyRepr.Tuple(PyRepr.Int(response.Head.StatusCode), PyRepr.Str(response.Framing.ToString()), PyRepr.Int(response.BodyLength))),
            new("# what the lesson's loop lost",
                "response.WireBytesReceived - lessonWay.Data.Length",
                PyRepr.Int(lost)),
        ];
    }
}
