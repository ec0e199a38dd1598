using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Sockit.Connections;

/// <summary>
/// netcat's copy loop, with end-of-input and half-close done right: input → peer and peer → output at the same time,
/// bytes exact, through pooled buffers. At the end of the input the sending side is shut down (the peer sees
/// end-of-file) while receiving goes on until the peer closes; the relay ends when both directions have ended
/// (or, with <see cref="RelayOptions.StopWhenPeerCloses"/>, as soon as the peer closes). UDP, which has no
/// end-of-file, ends when replies stop coming after the input has ended.
/// </summary>
public static class Relay
{
    private const int MaxUdpPayload = 65507;

    /// <summary>Copies <paramref name="input"/> to the connection and the connection to <paramref name="output"/> until both ends are done.</summary>
    public static async ValueTask<RelayResult> RunAsync(Connection connection, Stream input, Stream output, RelayOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new RelayOptions();
        var state = new RelayState();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var receive = ReceiveLoopAsync(connection, output, options, state, stop.Token);
        // --recv-only: the input is never read, so the sending side never ends (nor is shut down).
        var send = options.ReceiveOnly ? Task.Delay(Timeout.Infinite, stop.Token) : SendLoopAsync(connection, input, options, state, stop.Token);
        var udp = connection.Transport == Transport.Udp;
        var idle = options.IdleTimeout is { } timeout && !udp
            ? WatchIdleAsync(state, timeout, stop.Token)
            : Task.Delay(Timeout.Infinite, stop.Token);
        try
        {
            var pending = new List<Task> { receive, send, idle };
            while (true)
            {
                var done = await Task.WhenAny(pending).ConfigureAwait(false);
                pending.Remove(done);
                if (done == idle)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var seconds = options.IdleTimeout!.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                    throw new ConnectionException(SockitFailure.TimedOut,
                        $"connection to {connection.PeerName} idle for {seconds} s: timed out",
                        new SocketException((int)SocketError.TimedOut))
                    {
                        Phase = ConnectionPhase.Transfer,
                        Host = (connection.RemoteEndPoint as IPEndPoint)?.Address.ToString(),
                        Port = (connection.RemoteEndPoint as IPEndPoint)?.Port,
                        Timeout = options.IdleTimeout,
                    };
                }
                if (done == send && send.IsFaulted && state.PeerClosed && send.Exception!.InnerException is ConnectionException { Failure: SockitFailure.Reset } reset)
                {
                    throw new ConnectionException(SockitFailure.Reset,
                        $"{connection.PeerName} closed the connection before all the input was sent ({state.Sent} bytes sent; it stopped reading)", reset.InnerException)
                    {
                        Phase = ConnectionPhase.Send,
                        Host = reset.Host,
                        Port = reset.Port,
                        Path = reset.Path,
                        BytesSent = state.Sent,
                    };
                }
                await done.ConfigureAwait(false);
                if (done == receive && (options.StopWhenPeerCloses || options.ReceiveOnly || state.InputEnded))
                {
                    break;
                }
                if (done == send && options.SendOnly)
                {
                    break;
                }
                if (done == send && options.QuitAfterInputEnd is { } quit)
                {
                    // -q: the peer has this long to close after the input ended; then stop whatever it does.
                    await Task.WhenAny(receive, Task.Delay(quit, stop.Token)).ConfigureAwait(false);
                    if (receive.IsCompleted)
                    {
                        await receive.ConfigureAwait(false);
                    }
                    cancellationToken.ThrowIfCancellationRequested();
                    break;
                }
                if (done == send && udp)
                {
                    await LingerAsync(state, options.IdleTimeout ?? options.UdpLinger, receive, stop.Token).ConfigureAwait(false);
                    break;
                }
                if (done == send && state.PeerClosed)
                {
                    break;
                }
            }
        }
        finally
        {
            // The input may be a terminal whose read cannot be cancelled; its loop ends by itself when the read returns.
            await stop.CancelAsync().ConfigureAwait(false);
        }
        return new RelayResult(state.Sent, state.Received, state.InputEnded, state.PeerClosed);
    }

    private static async Task ReceiveLoopAsync(Connection connection, Stream output, RelayOptions options, RelayState state, CancellationToken cancellationToken)
    {
        // Run the loop on the thread pool, never on the caller's thread or its synchronization context (Task.Yield would post to that context).
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(options.BufferSize, 65536));
        try
        {
            while (true)
            {
                var n = await connection.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                if (n == 0 && connection.Transport != Transport.Udp)
                {
                    state.PeerClosed = true;
                    if (options.CloseOutputWhenPeerCloses)
                    {
                        await output.DisposeAsync().ConfigureAwait(false);
                    }
                    return;
                }
                state.Touch();
                if (options.SendOnly)
                {
                    // --send-only: read so the peer is never blocked nor reset, but discard.
                    continue;
                }
                var chunk = buffer.AsMemory(0, n);
                options.Observer?.Invoke(RelayDirection.Received, chunk);
                await output.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                await output.FlushAsync(cancellationToken).ConfigureAwait(false);
                state.Received += n;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task SendLoopAsync(Connection connection, Stream input, RelayOptions options, RelayState state, CancellationToken cancellationToken)
    {
        // Run the loop on the thread pool, never on the caller's thread or its synchronization context (Task.Yield would post to that context).
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        var size = connection.Transport == Transport.Udp ? MaxUdpPayload : options.BufferSize;
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            while (true)
            {
                var n = await input.ReadAsync(buffer.AsMemory(0, size), cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (n == 0)
                {
                    state.InputEnded = true;
                    if (options.ShutdownOnInputEnd && !state.PeerClosed)
                    {
                        await connection.ShutdownSendAsync().ConfigureAwait(false);
                    }
                    return;
                }
                state.Touch();
                var chunk = buffer.AsMemory(0, n);
                options.Observer?.Invoke(RelayDirection.Sent, chunk);
                await connection.SendAsync(chunk, cancellationToken).ConfigureAwait(false);
                state.Sent += n;
            }
        }
        catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
        {
            // The relay finished while this loop waited on its input; the socket is gone.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task WatchIdleAsync(RelayState state, TimeSpan timeout, CancellationToken cancellationToken)
    {
        while (true)
        {
            var remaining = state.LastActivity + (long)timeout.TotalMilliseconds - Environment.TickCount64;
            if (remaining <= 0)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(remaining), cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task LingerAsync(RelayState state, TimeSpan quiet, Task receive, CancellationToken cancellationToken)
    {
        var watch = WatchIdleAsync(state, quiet, cancellationToken);
        var done = await Task.WhenAny(watch, receive).ConfigureAwait(false);
        await done.ConfigureAwait(false);
    }

    private sealed class RelayState
    {
        private long _lastActivity = Environment.TickCount64;

        public long Sent { get; set; }

        public long Received { get; set; }

        public volatile bool InputEnded;

        public volatile bool PeerClosed;

        public long LastActivity => Volatile.Read(ref _lastActivity);

        public void Touch() => Volatile.Write(ref _lastActivity, Environment.TickCount64);
    }
}
