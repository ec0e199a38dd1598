using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sockit.Testing.Http;

/// <summary>python3's <c>http.server</c> on 127.0.0.1 serving a temp dir (HTTP/1.0, Content-Length), stopped and removed on dispose.</summary>
public sealed class PythonHttpServer : IAsyncDisposable
{
    private readonly Process _process;

    private PythonHttpServer(Process process, string root, int port)
    {
        _process = process;
        Root = root;
        Port = port;
    }

    public string Root { get; }

    public int Port { get; }

    public Uri Url(string path = "/") => new($"http://127.0.0.1:{Port}{path}");

    public static async Task<PythonHttpServer> StartAsync()
    {
        var python = Peers.Require("python3");
        var root = Directory.CreateTempSubdirectory("sockit-pyhttp-").FullName;
        var port = FreePorts.Get();
        var startInfo = new ProcessStartInfo(python) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-m", "http.server", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--directory", root })
        {
            startInfo.ArgumentList.Add(argument);
        }
        var process = Process.Start(startInfo)!;
        // Drain its logging so it never blocks on a full pipe.
        _ = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var server = new PythonHttpServer(process, root, port);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
        {
            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(30);
            }
        }
        await server.DisposeAsync();
        throw new InvalidOperationException("python3 -m http.server did not start");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
