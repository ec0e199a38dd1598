using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sockit.Testing;

/// <summary>
/// A peer program serving on a loopback port the test picked (microsocks, tinyproxy): started, waited for until the
/// port accepts, started again on another port when it could not bind, and killed on dispose.
/// </summary>
public sealed class LoopbackDaemon : IAsyncDisposable
{
    private readonly Process _process;

    private LoopbackDaemon(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts <paramref name="program"/> with the arguments <paramref name="arguments"/> gives for a free port.</summary>
    public static async Task<LoopbackDaemon> StartAsync(string program, Func<int, IReadOnlyList<string>> arguments, string what)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePorts.Get();
            var startInfo = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (var argument in arguments(port))
            {
                startInfo.ArgumentList.Add(argument);
            }
            var process = Process.Start(startInfo)!;
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            var daemon = new LoopbackDaemon(process, port);
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
            {
                try
                {
                    using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    await probe.ConnectAsync(IPAddress.Loopback, port);
                    return daemon;
                }
                catch (SocketException)
                {
                    await Task.Delay(30);
                }
            }
            await daemon.DisposeAsync();
            if (attempt == 2)
            {
                throw new InvalidOperationException($"{what} did not start on port {port}: {await stderr}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
