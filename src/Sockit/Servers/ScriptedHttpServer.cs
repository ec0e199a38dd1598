using System.Collections.Concurrent;
using Sockit.Connections;

namespace Sockit.Servers;

/// <summary>
/// An HTTP server on 127.0.0.1 that plays a script: for every connection it reads the request head, sends the
/// scripted segments one write each (with a pause between them, so they tend to arrive as separate receives), then
/// ends as <see cref="ScriptedHttpEnding"/> says. It is for testing an HTTP client (<see cref="Http.HttpWireClient"/>,
/// or your own) against what real servers do only now and then: a response in pieces, a body cut short, a stall, a
/// reset, a chunked page produced slowly. It sends exactly the bytes it is given and checks nothing.
/// </summary>
public sealed class ScriptedHttpServer : IAsyncDisposable
{
    private const int MaxRequestHead = 64 * 1024;
    private static readonly byte[] s_headEnd = "\r\n\r\n"u8.ToArray();

    private readonly Listener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<byte[], IReadOnlyList<byte[]>> _script;
    private readonly TimeSpan _pause;
    private readonly ScriptedHttpEnding _ending;
    private readonly Task _acceptLoop;
    private int _disposed;

    private ScriptedHttpServer(Func<byte[], IReadOnlyList<byte[]>> script, TimeSpan pause, ScriptedHttpEnding ending)
    {
        _script = script;
        _pause = pause;
        _ending = ending;
        _listener = Listener.Bind(new ListenerOptions());
        _acceptLoop = AcceptLoopAsync(_stop.Token);
    }

    /// <summary>The request heads received, in order, each up to and including its empty line.</summary>
    public ConcurrentQueue<byte[]> Requests { get; } = new();

    /// <summary>The bound port (a free one, chosen by the OS).</summary>
    public int Port => _listener.Port;

    /// <summary>Where the server answers, with <paramref name="path"/>: <c>http://127.0.0.1:PORT/</c> by default.</summary>
    /// <param name="path">The path and query, from its leading <c>/</c>.</param>
    public Uri Url(string path = "/") => new($"http://127.0.0.1:{Port}{path}");

    /// <summary>
    /// Answers every request with <paramref name="segments"/>, written one at a time <paramref name="pause"/> apart
    /// (default 2 ms), then ends as <paramref name="ending"/> says.
    /// </summary>
    public static ScriptedHttpServer Start(IReadOnlyList<byte[]> segments, TimeSpan? pause = null, ScriptedHttpEnding ending = ScriptedHttpEnding.Close)
    {
        ArgumentNullException.ThrowIfNull(segments);
        return new(_ => segments, pause ?? TimeSpan.FromMilliseconds(2), ending);
    }

    /// <summary>Answers every request with <paramref name="response"/> in one write, then ends as <paramref name="ending"/> says.</summary>
    public static ScriptedHttpServer Start(byte[] response, ScriptedHttpEnding ending = ScriptedHttpEnding.Close)
    {
        ArgumentNullException.ThrowIfNull(response);
        return new(_ => [response], TimeSpan.Zero, ending);
    }

    /// <summary>Answers each request with what <paramref name="script"/> makes of its head, segments <paramref name="pause"/> apart (default 2 ms).</summary>
    public static ScriptedHttpServer Start(Func<byte[], IReadOnlyList<byte[]>> script, TimeSpan? pause = null, ScriptedHttpEnding ending = ScriptedHttpEnding.Close)
    {
        ArgumentNullException.ThrowIfNull(script);
        return new(script, pause ?? TimeSpan.FromMilliseconds(2), ending);
    }

    /// <summary>Splits <paramref name="bytes"/> at <paramref name="cuts"/> (offsets, ascending), for <see cref="Start(IReadOnlyList{byte[]}, TimeSpan?, ScriptedHttpEnding)"/>.</summary>
    public static IReadOnlyList<byte[]> Split(byte[] bytes, params int[] cuts)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(cuts);
        var pieces = new List<byte[]>();
        var start = 0;
        foreach (var cut in cuts.Append(bytes.Length))
        {
            pieces.Add(bytes[start..cut]);
            start = cut;
        }
        return pieces;
    }

    /// <summary>Stops accepting, ends every connection, and waits for the server's work to end. Disposing again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        await _listener.DisposeAsync().ConfigureAwait(false);
        // The loops end on cancellation by themselves; anything else they throw is a bug, and surfaces here.
        await _acceptLoop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        // Run the loop on the thread pool, never on the caller's thread or its synchronization context.
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        var connections = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var connection = await _listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
                connections.Add(ServeAsync(connection, cancellationToken));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or ConnectionException)
        {
            // Stopped: the listener was closed under the pending accept.
        }
        await Task.WhenAll(connections).ConfigureAwait(false);
    }

    private async Task ServeAsync(Connection connection, CancellationToken cancellationToken)
    {
        using (connection)
        {
            try
            {
                if (await ReadRequestHeadAsync(connection, cancellationToken).ConfigureAwait(false) is not { } head)
                {
                    return;
                }
                Requests.Enqueue(head);
                var first = true;
                foreach (var segment in _script(head))
                {
                    if (!first && _pause > TimeSpan.Zero)
                    {
                        await Task.Delay(_pause, cancellationToken).ConfigureAwait(false);
                    }
                    first = false;
                    await connection.SendAsync(segment, cancellationToken).ConfigureAwait(false);
                }
                switch (_ending)
                {
                    case ScriptedHttpEnding.Reset:
                        // Give the bytes time to arrive before the RST, which would otherwise discard them.
                        await Task.Delay(50, cancellationToken).ConfigureAwait(false);
                        connection.Abort();
                        break;
                    case ScriptedHttpEnding.Stall:
                        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                        break;
                    default:
                        connection.ShutdownSend();
                        break;
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ConnectionException or ObjectDisposedException)
            {
                // The client went away or the server is stopping: nothing to answer.
            }
        }
    }

    // The head, up to and including its empty line; null when the client closes first or sends more than 64 KiB without one.
    private static async Task<byte[]?> ReadRequestHeadAsync(Connection connection, CancellationToken cancellationToken)
    {
        var received = new byte[MaxRequestHead];
        var length = 0;
        while (length < received.Length)
        {
            var n = await connection.ReceiveAsync(received.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return null;
            }
            // The end of the head may straddle two receives: search from just before the new bytes.
            var searchFrom = Math.Max(0, length - (s_headEnd.Length - 1));
            length += n;
            var end = received.AsSpan(searchFrom, length - searchFrom).IndexOf(s_headEnd);
            if (end >= 0)
            {
                return received[..(searchFrom + end + s_headEnd.Length)];
            }
        }
        return null;
    }
}
