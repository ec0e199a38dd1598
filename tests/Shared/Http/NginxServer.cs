using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sockit.Testing.Http;

/// <summary>
/// nginx on 127.0.0.1, started with a config of its own in a temp dir (files under <see cref="Root"/>, <c>.shtml</c>
/// through SSI so HTTP/1.1 answers are chunked), stopped and removed on dispose. Redirects: <c>/moved</c> 301,
/// <c>/found</c> 302 (an absolute Location), <c>/see-other</c> 303, <c>/temporary</c> 307 and <c>/permanent</c> 308, all
/// to <c>/index.html</c>; <c>/loop-a</c> and <c>/loop-b</c> 302 to each other. Given a certificate and key, it
/// serves https instead (<c>listen 127.0.0.1:PORT ssl</c>, TLS 1.2 and 1.3).
/// </summary>
public sealed class NginxServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private NginxServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The document root: write files here (before or after starting).</summary>
    public string Root => Path.Combine(_directory, "www");

    public Uri Url(string path = "/") => new($"http://127.0.0.1:{Port}{path}");

    /// <summary>An https URL on <paramref name="host"/> (localhost or 127.0.0.1), for a server started with a certificate.</summary>
    public Uri HttpsUrl(string path = "/", string host = "localhost") => new($"https://{host}:{Port}{path}");

    public static async Task<NginxServer> StartAsync(string? certificatePath = null, string? keyPath = null)
    {
        var tls = certificatePath is null ? "" : $"ssl_certificate {certificatePath}; ssl_certificate_key {keyPath}; ssl_protocols TLSv1.2 TLSv1.3;";
        var nginx = Peers.Require("nginx");
        var directory = Directory.CreateTempSubdirectory("sockit-nginx-").FullName;
        Directory.CreateDirectory(Path.Combine(directory, "www"));
        Directory.CreateDirectory(Path.Combine(directory, "tmp"));
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePorts.Get();
            var config = Path.Combine(directory, "nginx.conf");
            await File.WriteAllTextAsync(config, $$"""
                worker_processes 1;
                pid {{directory}}/nginx.pid;
                error_log {{directory}}/error.log;
                {{(Environment.UserName == "root" ? "user root;" : "")}}
                events { worker_connections 64; }
                http {
                    access_log off;
                    client_body_temp_path {{directory}}/tmp/body;
                    proxy_temp_path {{directory}}/tmp/proxy;
                    fastcgi_temp_path {{directory}}/tmp/fastcgi;
                    uwsgi_temp_path {{directory}}/tmp/uwsgi;
                    scgi_temp_path {{directory}}/tmp/scgi;
                    types { text/html html shtml; text/plain txt; application/octet-stream bin; }
                    default_type application/octet-stream;
                    sendfile on;
                    # With sendfile, nginx writes the head and then sends the file: without corking, a reader can see the
                    # head alone, and the lesson's read-until-short loop (the tour) then stops early by chance. Corked, a
                    # small page leaves in one segment with its head, as it does from most servers.
                    tcp_nopush on;
                    server {
                        listen 127.0.0.1:{{port}}{{(certificatePath is null ? "" : " ssl")}};
                        {{tls}}
                        root {{directory}}/www;
                        location ~ \.shtml$ { ssi on; }
                        location = /moved { return 301 /index.html; }
                        location = /found { return 302 http://127.0.0.1:{{port}}/index.html; }
                        location = /see-other { return 303 /index.html; }
                        location = /temporary { return 307 /index.html; }
                        location = /permanent { return 308 /index.html; }
                        location = /loop-a { return 302 /loop-b; }
                        location = /loop-b { return 302 /loop-a; }
                    }
                }
                """);
            var startInfo = new ProcessStartInfo(nginx)
            {
                UseShellExecute = false,
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            foreach (var argument in new[] { "-c", config, "-p", directory, "-e", Path.Combine(directory, "error.log"), "-g", "daemon off;" })
            {
                startInfo.ArgumentList.Add(argument);
            }
            var process = Process.Start(startInfo)!;
            var server = new NginxServer(process, directory, port);
            if (await server.WaitReadyAsync())
            {
                return server;
            }
            var log = File.Exists(Path.Combine(directory, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(directory, "error.log")) : "";
            await server.StopAsync();
            if (attempt == 2)
            {
                Directory.Delete(directory, recursive: true);
                throw new InvalidOperationException($"nginx did not start: {log}");
            }
        }
    }

    private async Task<bool> WaitReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            if (_process.HasExited)
            {
                return false;
            }
            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }
        return false;
    }

    private async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
