using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Netcat;

/// <summary>
/// <c>listen -k</c> at its file-descriptor limit (<c>ulimit -n 128</c> in the child's shell) with more clients waiting in
/// the backlog than it has descriptors. The server must pause instead of spinning (CPU time read from /proc, not wall
/// time), say so once, stay alive (it keeps descriptors free for the runtime), and serve again once clients close.
/// </summary>
public sealed class ListenFileLimitTests
{
    [Fact]
    public async Task OutOfDescriptors_DoesNotSpin_SaysSoOnce_RecoversWhenClientsClose()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePorts.Get();
        await using var listen = BackgroundProcess.Start("/bin/bash", "-c", $"ulimit -n 128; exec {Cli.ShellCommand} listen -k --echo {port} </dev/null");
        await listen.WaitForStderrAsync("listening on ");

        // More clients than descriptors: the kernel completes their handshakes into the backlog; sockit runs out.
        var clients = new List<Socket>();
        try
        {
            for (var i = 0; i < 150; i++)
            {
                var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                clients.Add(client);
                await client.ConnectAsync(IPAddress.Loopback, port, ct);
            }
            var paused = await listen.WaitForStderrAsync("not accepting for now");
            Assert.Contains("(out of file descriptors: retrying with a pause up to 1 s; close some clients, or raise the limit with ulimit -n)", paused, StringComparison.Ordinal);

            // About 1 s at the limit: a loop retrying accept at once burns the whole second; pausing costs next to nothing.
            var before = CpuSeconds(listen.Id);
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            var used = CpuSeconds(listen.Id) - before;
            Assert.True(used < 0.3, $"sockit used {used:0.00} s of CPU in 1 s at the descriptor limit");
            Assert.Single(listen.Stderr.Split('\n'), l => l.Contains("not accepting for now", StringComparison.Ordinal));

            foreach (var client in clients.Take(140))
            {
                client.Dispose();
            }
            using var fresh = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await fresh.ConnectAsync(IPAddress.Loopback, port, ct);
            await fresh.SendAsync("ping\n"u8.ToArray(), ct);
            var echoed = new byte[5];
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            var got = 0;
            while (got < echoed.Length)
            {
                var n = await fresh.ReceiveAsync(echoed.AsMemory(got), timeout.Token);
                Assert.NotEqual(0, n);
                got += n;
            }
            Assert.Equal("ping\n", Encoding.ASCII.GetString(echoed));
            await listen.WaitForStderrAsync("accepting again on 127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture));
        }
        finally
        {
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }

    // utime + stime of /proc/PID/stat (fields 14 and 15, after the parenthesised name), in clock ticks of 1/100 s.
    private static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }
}
