using System.Net;
using System.Text;
using Sockit.Cli.Commands;
using Sockit.Cli.Rendering;
using Sockit.Http;

namespace Sockit.Cli.Tests.Renderers;

/// <summary>get --format json after redirects: the document's timings, redirects and effectiveUrl, pinned byte for byte.</summary>
public sealed class GetJsonTimingsRendererTests
{
    [Fact]
    public void Completed_RedirectResult_PrintsTimingsRedirectsAndEffectiveUrl()
    {
        var stdout = new MemoryStream();
        var console = new CliConsole(new MemoryStream(), stdout, new MemoryStream());
        var requested = new HttpWireRequest(new Uri("http://127.0.0.1/old"), "POST");
        var arguments = new GetArguments(requested, Include: false, Raw: false, Verbose: false, Progress: false, OutputPath: null, Timeout: null, OutputFormat.Json);
        var renderer = GetRenderer.For(console, arguments);
        renderer.Completed(new HttpRedirectResult
        {
            Request = new HttpWireRequest(new Uri("http://127.0.0.1/new")),
            Redirected = [new Uri("http://127.0.0.1/old")],
            RedirectTime = TimeSpan.FromMilliseconds(1),
            Response = new HttpWireResponse
            {
                Head = new HttpResponseHead(new HttpStatusLine(new Version(1, 1), 204, "No Content"), []),
                Framing = HttpBodyFraming.None,
                RemoteEndPoint = new IPEndPoint(IPAddress.Loopback, 80),
                WireBytesReceived = 25,
                Elapsed = TimeSpan.FromMilliseconds(4),
                Timings = new HttpTimings
                {
                    NameLookup = TimeSpan.FromMilliseconds(0.25),
                    Connect = TimeSpan.FromMilliseconds(0.5),
                    FirstByte = TimeSpan.FromMilliseconds(3.125),
                    Total = TimeSpan.FromMilliseconds(4),
                },
            },
        });
        Assert.Equal("""
            {
              "version": 1,
              "url": "http://127.0.0.1/old",
              "method": "GET",
              "remote": "127.0.0.1:80",
              "httpVersion": "1.1",
              "status": 204,
              "reason": "No Content",
              "headers": [],
              "interim": [],
              "trailers": [],
              "framing": "none",
              "bodyBytes": 0,
              "wireBytes": 25,
              "elapsedMs": 5,
              "timings": {
                "resolve": 1.25,
                "connect": 1.5,
                "tls": 0,
                "firstByte": 4.125,
                "total": 5
              },
              "redirects": 1,
              "effectiveUrl": "http://127.0.0.1/new"
            }

            """.ReplaceLineEndings("\n"), Encoding.UTF8.GetString(stdout.ToArray()));
    }
}
