using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Sockit.Servers;

namespace Sockit.Tests.Servers;

/// <summary>
/// Load and faults in bounded form: <see cref="Count"/> concurrent clients of one <see cref="EchoServer"/> on loopback,
/// each with a random payload checked byte for byte, alongside clients that reset, half-close, stay silent, or send
/// and never read. The full-size run (10,000 clients) is the same test with SOCKIT_LOAD_CLIENTS=10000; its figures are
/// in docs/RELIABILITY.md. Each client holds two descriptors in this process (its socket and the server's): the soft
/// open-file limit is raised (prlimit on this process; past the hard limit only as root) when it is too low, as the
/// README says.
/// </summary>
public sealed class EchoLoadAndFaultsTests
{
    private static int Count => int.TryParse(Environment.GetEnvironmentVariable("SOCKIT_LOAD_CLIENTS"), CultureInfo.InvariantCulture, out var n) ? n : 2000;

    [Fact]
    public async Task ManyClients_WithFaultyOnes_EveryGoodByteEchoed()
    {
        var ct = TestContext.Current.CancellationToken;
        RaiseDescriptorLimit((2 * Count) + 1024);
        await using var server = EchoServer.Start(new ListenerOptions { Backlog = 4096 }, new ServerOptions { KeepOpen = true });
        var endPoint = new IPEndPoint(IPAddress.Loopback, server.Port);
        var random = new Random(20261127);

        // Every fifth client misbehaves, in four ways; the rest are good.
        var kinds = Enumerable.Range(0, Count).Select(i => (i % 5) switch { 1 => "reset", 2 => "half-close", 3 => "silent", 4 => i % 10 == 4 ? "never-read" : "good", _ => "good" }).ToArray();
        var payloads = kinds.Select(_ => { var p = new byte[random.Next(1, 16 * 1024)]; random.NextBytes(p); return p; }).ToArray();

        // All connected at once first (a bounded number of connects in flight, so the backlog never overflows).
        var sockets = new Socket[Count];
        using (var gate = new SemaphoreSlim(256))
        {
            await Task.WhenAll(Enumerable.Range(0, Count).Select(async i =>
            {
                await gate.WaitAsync(ct);
                try
                {
                    sockets[i] = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    await sockets[i].ConnectAsync(endPoint, ct);
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var watch = Stopwatch.StartNew();
        var results = await Task.WhenAll(Enumerable.Range(0, Count).Select(i => Task.Run(() => RunClientAsync(kinds[i], sockets[i], payloads[i], ct), ct)));
        watch.Stop();

        var good = Enumerable.Range(0, Count).Where(i => kinds[i] is "good" or "half-close").ToArray();
        Assert.All(good, i => Assert.True(results[i], $"client {i} ({kinds[i]}) did not get its {payloads[i].Length} bytes back exactly"));
        Assert.Equal(Count / 2, good.Length); // half the clients are checked byte for byte

        foreach (var socket in sockets)
        {
            socket.Dispose();
        }
        // The server is still whole: one more client is echoed.
        using var last = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await last.ConnectAsync(endPoint, ct);
        Assert.True(await RunClientAsync("good", last, "still here"u8.ToArray(), ct), $"the server stopped echoing after the load (completion: {server.Completion.Status} {server.Completion.Exception?.InnerException?.Message})");
        TestContext.Current.SendDiagnosticMessage($"{Count} clients ({good.Length} checked) in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task<bool> RunClientAsync(string kind, Socket socket, byte[] payload, CancellationToken ct)
    {
        switch (kind)
        {
            case "reset":
                await socket.SendAsync(payload.AsMemory(0, Math.Min(100, payload.Length)), ct);
                socket.LingerState = new LingerOption(true, 0); // close sends RST
                socket.Close();
                return true;
            case "silent":
                return true; // connected, sends nothing, reads nothing until the end
            case "never-read":
                // Sends more than the socket buffers hold (the echo backs up) and never reads: it must not stall the others.
                var big = new byte[4 << 20];
                using (var stop = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    stop.CancelAfter(TimeSpan.FromSeconds(2));
                    try
                    {
                        await socket.SendAsync(big, stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                    }
                }
                return true;
        }

        // good and half-close: send all, (half-close: shut the sending side), read the echo back, compare every byte.
        var receive = ReceiveExactlyAsync(socket, payload.Length, ct);
        await socket.SendAsync(payload, ct);
        if (kind == "half-close")
        {
            socket.Shutdown(SocketShutdown.Send);
        }
        var echoed = await receive;
        return echoed.AsSpan().SequenceEqual(payload);
    }

    private static async Task<byte[]> ReceiveExactlyAsync(Socket socket, int length, CancellationToken ct)
    {
        var buffer = new byte[length];
        var got = 0;
        while (got < length)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(got), ct);
            if (n == 0)
            {
                break;
            }
            got += n;
        }
        return buffer[..got];
    }

    // prlimit(1) on this process: raise the soft RLIMIT_NOFILE to what the test needs, up to the hard limit.
    private static void RaiseDescriptorLimit(int needed)
    {
        var line = File.ReadLines("/proc/self/limits").First(l => l.StartsWith("Max open files", StringComparison.Ordinal));
        var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var soft = fields[0] == "unlimited" ? long.MaxValue : long.Parse(fields[0], CultureInfo.InvariantCulture);
        var hard = fields[1] == "unlimited" ? long.MaxValue : long.Parse(fields[1], CultureInfo.InvariantCulture);
        if (soft >= needed)
        {
            return;
        }
        // Above the hard limit only root (CAP_SYS_RESOURCE) may go; prlimit then fails and says so.
        var newHard = hard >= needed ? fields[1] : needed.ToString(CultureInfo.InvariantCulture);
        using var prlimit = Process.Start("prlimit", ["--pid", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), $"--nofile={needed}:{newHard}"])!;
        prlimit.WaitForExit();
        Assert.Equal(0, prlimit.ExitCode);
    }
}
