using System.Globalization;

namespace Sockit.Testing;

/// <summary>
/// tinyproxy, an HTTP proxy, on 127.0.0.1 in the foreground (<c>-d</c>) with a config of its own in a temp dir: it
/// allows 127.0.0.1, logs to a file there, and allows CONNECT to every port, or only to the ports given (tinyproxy.conf(5):
/// with no ConnectPort line every port is allowed, so a test that wants a 403 names one port). Killed on dispose.
/// </summary>
public sealed class Tinyproxy : IAsyncDisposable
{
    private readonly LoopbackDaemon _daemon;
    private readonly string _directory;

    private Tinyproxy(LoopbackDaemon daemon, string directory)
    {
        _daemon = daemon;
        _directory = directory;
    }

    public int Port => _daemon.Port;

    public static async Task<Tinyproxy> StartAsync(params int[] connectPorts)
    {
        var tinyproxy = Peers.Require("tinyproxy");
        var directory = Directory.CreateTempSubdirectory("sockit-tinyproxy-").FullName;
        // As root it drops to User/Group, which must be able to write its log and pid files.
        File.SetUnixFileMode(directory, (UnixFileMode)0x1FF);
        var daemon = await LoopbackDaemon.StartAsync(tinyproxy, port =>
        {
            var config = Path.Combine(directory, "tinyproxy.conf");
            var lines = new List<string>
            {
                "User nobody", "Group nogroup", $"Port {port.ToString(CultureInfo.InvariantCulture)}", "Listen 127.0.0.1", "Allow 127.0.0.1",
                $"LogFile \"{directory}/tinyproxy.log\"", $"PidFile \"{directory}/tinyproxy.pid\"", "Timeout 30", "MaxClients 20",
            };
            lines.AddRange(connectPorts.Select(p => $"ConnectPort {p.ToString(CultureInfo.InvariantCulture)}"));
            File.WriteAllLines(config, lines);
            return ["-d", "-c", config];
        }, "tinyproxy");
        return new Tinyproxy(daemon, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await _daemon.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
