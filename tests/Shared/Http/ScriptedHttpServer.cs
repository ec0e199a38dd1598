using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Sockit.Testing.Http;

/// <summary>
/// A raw HTTP server on 127.0.0.1 port 0 for edge cases no real server sends: for every connection it reads the
/// request head, then sends the scripted segments one write each (with a pause between them, so they tend to arrive
/// as separate receives), then closes, or stalls until disposed. Usable by the tour and by tests.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<byte[], IReadOnlyList<byte[]>> _script;
    private readonly TimeSpan _pause;
    private readonly bool _stall;
    private readonly Task _acceptLoop;

    private ScriptedHttpServer(Func<byte[], IReadOnlyList<byte[]>> script, TimeSpan pause, bool stall)
    {
        _script = script;
        _pause = pause;
        _stall = stall;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = AcceptLoopAsync();
    }

    /// <summary>The requests received, each as its head's bytes.</summary>
    public ConcurrentQueue<byte[]> Requests { get; } = new();

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Url(string path = "/") => new($"http://127.0.0.1:{Port}{path}");

    /// <summary>Answers every request with <paramref name="segments"/>, written one at a time <paramref name="pause"/> apart.</summary>
    public static ScriptedHttpServer Start(IReadOnlyList<byte[]> segments, TimeSpan? pause = null, bool stallAfter = false) =>
        new(_ => segments, pause ?? TimeSpan.FromMilliseconds(2), stallAfter);

    /// <summary>Answers every request with <paramref name="response"/> in one write.</summary>
    public static ScriptedHttpServer Start(byte[] response, bool stallAfter = false) => Start([response], TimeSpan.Zero, stallAfter);

    /// <summary>Answers every request with <paramref name="response"/>, then resets the connection (RST: SO_LINGER 0 and close).</summary>
    public static ScriptedHttpServer StartThenReset(byte[] response) => new(_ => [response], TimeSpan.Zero, false) { ResetAfter = true };

    private bool ResetAfter { get; init; }

    /// <summary>Answers each request with what <paramref name="script"/> makes of its head.</summary>
    public static ScriptedHttpServer Start(Func<byte[], IReadOnlyList<byte[]>> script, TimeSpan? pause = null) =>
        new(script, pause ?? TimeSpan.FromMilliseconds(2), false);

    /// <summary>Splits <paramref name="bytes"/> at <paramref name="cuts"/> (offsets, ascending).</summary>
    public static IReadOnlyList<byte[]> Split(byte[] bytes, params int[] cuts)
    {
        var pieces = new List<byte[]>();
        var start = 0;
        foreach (var cut in cuts.Append(bytes.Length))
        {
            pieces.Add(bytes[start..cut]);
            start = cut;
        }
        return pieces;
    }

    private async Task AcceptLoopAsync()
    {
        var connections = new List<Task>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var client = await _listener.AcceptSocketAsync(_stop.Token);
                connections.Add(ServeAsync(client));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(Socket client)
    {
        using (client)
        {
            try
            {
                client.NoDelay = true;
                var head = new List<byte>();
                var buffer = new byte[4096];
                while (!EndsHead(head))
                {
                    var n = await client.ReceiveAsync(buffer, _stop.Token);
                    if (n == 0)
                    {
                        return;
                    }
                    head.AddRange(buffer.AsSpan(0, n));
                }
                Requests.Enqueue([.. head]);
                var first = true;
                foreach (var segment in _script([.. head]))
                {
                    if (!first && _pause > TimeSpan.Zero)
                    {
                        await Task.Delay(_pause, _stop.Token);
                    }
                    first = false;
                    await client.SendAsync(segment, _stop.Token);
                }
                if (ResetAfter)
                {
                    // Give the bytes time to arrive before the RST, which would otherwise discard them.
                    await Task.Delay(50, _stop.Token);
                    client.LingerState = new LingerOption(true, 0);
                    client.Close();
                    return;
                }
                if (_stall)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token);
                }
                client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
            }
        }
    }

    private static bool EndsHead(List<byte> head)
    {
        var n = head.Count;
        return n >= 4 && head[n - 4] == '\r' && head[n - 3] == '\n' && head[n - 2] == '\r' && head[n - 1] == '\n';
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _acceptLoop;
        _listener.Dispose();
        _stop.Dispose();
    }
}
