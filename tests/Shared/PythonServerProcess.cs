using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sockit.Testing;

/// <summary>A python3 server a test starts on a loopback port: started, waited for until it accepts, and stopped.</summary>
public static class PythonServerProcess
{
    /// <summary>Runs <c>python3 ARGUMENTS</c> and returns once 127.0.0.1:<paramref name="port"/> accepts (10 s at most).</summary>
    public static async Task<Process> StartAsync(IEnumerable<string> arguments, int port, string what)
    {
        var startInfo = new ProcessStartInfo(Peers.Require("python3")) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        var process = Process.Start(startInfo)!;
        // Drain its logging so it never blocks on a full pipe.
        _ = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
        {
            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return process;
            }
            catch (SocketException)
            {
                await Task.Delay(30);
            }
        }
        await StopAsync(process);
        throw new InvalidOperationException($"{what} did not start");
    }

    /// <summary>Kills the server (and anything it started) and waits for it.</summary>
    public static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
