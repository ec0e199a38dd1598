using System.Diagnostics;
using System.Globalization;

namespace Sockit.Testing.Http;

/// <summary>
/// python3's http.server on 127.0.0.1 with a small handler that answers any method with what it received:
/// <c>METHOD PATH</c>, the Content-Type and Content-Length it got, an empty line, then the request's content byte for byte.
/// <c>/redirect/CODE?to=URL</c> answers CODE with <c>Location: URL</c> (itself without <c>to</c>: a loop; the echo is the body); <c>/status/CODE</c> answers
/// CODE with the echo as its body. Stopped on dispose.
/// </summary>
public sealed class PythonEchoServer : IAsyncDisposable
{
    private const string Script = """
        import sys
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        from urllib.parse import urlsplit, parse_qs

        class Echo(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                content = self.rfile.read(length) if length else b""
                body = (f"{self.command} {self.path}\n"
                        f"content-type: {self.headers.get('Content-Type')}\n"
                        f"content-length: {self.headers.get('Content-Length')}\n\n").encode() + content
                url = urlsplit(self.path)
                parts = url.path.strip("/").split("/")
                status = 200
                if len(parts) == 2 and parts[0] in ("redirect", "status"):
                    status = int(parts[1])
                self.send_response(status)
                if parts[0] == "redirect":
                    self.send_header("Location", parse_qs(url.query).get("to", [self.path])[0])
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(body)

            do_GET = do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = do_OPTIONS = answer

        ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Echo).serve_forever()
        """;

    private readonly Process _process;
    private readonly string _scriptPath;

    private PythonEchoServer(Process process, string scriptPath, int port)
    {
        _process = process;
        _scriptPath = scriptPath;
        Port = port;
    }

    public int Port { get; }

    public Uri Url(string path = "/") => new($"http://127.0.0.1:{Port}{path}");

    public static async Task<PythonEchoServer> StartAsync()
    {
        var scriptPath = Path.Combine(Path.GetTempPath(), $"sockit-echo-{Guid.NewGuid():N}.py");
        await File.WriteAllTextAsync(scriptPath, Script);
        var port = FreePorts.Get();
        var process = await PythonServerProcess.StartAsync([scriptPath, port.ToString(CultureInfo.InvariantCulture)], port, "the python3 echo server");
        return new PythonEchoServer(process, scriptPath, port);
    }

    public async ValueTask DisposeAsync()
    {
        await PythonServerProcess.StopAsync(_process);
        File.Delete(_scriptPath);
    }
}
