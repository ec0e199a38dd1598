using System.Diagnostics;

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
        var root = Directory.CreateTempSubdirectory("sockit-pyhttp-").FullName;
        var port = FreePorts.Get();
        var process = await PythonServerProcess.StartAsync(
            ["-m", "http.server", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--directory", root],
            port,
            "python3 -m http.server");
        return new PythonHttpServer(process, root, port);
    }

    public async ValueTask DisposeAsync()
    {
        await PythonServerProcess.StopAsync(_process);
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
