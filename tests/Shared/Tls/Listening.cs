using System.Diagnostics;

namespace Sockit.Testing.Tls;

/// <summary>Waits for a peer program (openssl s_server, socat, ncat) to listen on a loopback port.</summary>
public static class Listening
{
    public static async Task WaitAsync(int port, Process? process = null)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"{process.StartInfo.FileName} exited ({process.ExitCode}) before listening on port {port}");
            }
            // /proc/net/tcp lists the listening socket without connecting to it (a probe connection would be a client to the peer).
            if (IsListening(port))
            {
                return;
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"nothing listens on 127.0.0.1:{port} after 15 s");
    }

    private static bool IsListening(int port)
    {
        var hex = $":{port:X4} ";
        foreach (var file in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (File.Exists(file) && File.ReadLines(file).Skip(1).Any(l => l.Contains(hex, StringComparison.Ordinal) && l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[3] == "0A"))
            {
                return true;
            }
        }
        return false;
    }
}
