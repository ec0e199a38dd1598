using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Sockit.Connections;

namespace Sockit.Forwarding;

/// <summary>
/// UDP forwarding: every datagram from a client goes to the target over that client's own connected UDP socket, and
/// every datagram the target sends back on it goes to that client. A client's socket is closed after the idle timeout
/// with no datagram either way; a target that answers with ICMP "port unreachable" ends that client's session.
/// </summary>
internal sealed class UdpForwarding(Forwarder forwarder)
{
    private const int MaxDatagram = 65536;

    private readonly ConcurrentDictionary<EndPoint, UdpSession> _sessions = new();

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        var sweeper = SweepAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await forwarder.Listener.ReceiveFromAsync(buffer, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }
                var client = received.RemoteEndPoint;
                var session = _sessions.GetValueOrDefault(client) ?? await OpenAsync(client, cancellationToken).ConfigureAwait(false);
                if (session is not null)
                {
                    await session.SendAsync(buffer.AsMemory(0, received.ReceivedBytes)).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            foreach (var session in _sessions.Values)
            {
                session.Close(null);
            }
            try
            {
                await sweeper.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private async ValueTask<UdpSession?> OpenAsync(EndPoint client, CancellationToken cancellationToken)
    {
        if (!forwarder.TryEnter(client))
        {
            return null;
        }
        Connection target;
        try
        {
            target = await forwarder.ConnectTargetAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SockitException e)
        {
            forwarder.Leave();
            forwarder.Raise(new ForwardEvent(ForwardEventKind.TargetFailed, client, forwarder.Options.Target.Name) { Failure = e });
            return null;
        }
        var session = new UdpSession(forwarder, client, target, s => _sessions.TryRemove(new KeyValuePair<EndPoint, UdpSession>(s.Client, s)));
        _sessions[client] = session;
        forwarder.Raise(new ForwardEvent(ForwardEventKind.Connected, client, forwarder.Options.Target.Name) { TargetAddress = target.RemoteEndPoint });
        session.Start();
        return session;
    }

    private async Task SweepAsync(CancellationToken cancellationToken)
    {
        var timeout = forwarder.Options.UdpIdleTimeout;
        var period = TimeSpan.FromMilliseconds(Math.Clamp(timeout.TotalMilliseconds / 4, 10, 1000));
        while (true)
        {
            await Task.Delay(period, cancellationToken).ConfigureAwait(false);
            foreach (var session in _sessions.Values)
            {
                if (session.IdleFor >= timeout)
                {
                    var seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
                    session.Close($"idle for {seconds} s");
                }
            }
        }
    }

    /// <summary>One client's connected socket to the target, and the loop sending the target's datagrams back.</summary>
    private sealed class UdpSession(Forwarder forwarder, EndPoint client, Connection target, Action<UdpSession> closed)
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private long _lastActivity = Environment.TickCount64;
        private long _up;
        private long _down;
        private int _closed;

        public EndPoint Client => client;

        public TimeSpan IdleFor => TimeSpan.FromMilliseconds(Environment.TickCount64 - Volatile.Read(ref _lastActivity));

        public void Start() => _ = ReceiveLoopAsync();

        public async ValueTask SendAsync(ReadOnlyMemory<byte> datagram)
        {
            Volatile.Write(ref _lastActivity, Environment.TickCount64);
            try
            {
                await target.Socket.SendAsync(datagram, SocketFlags.None).ConfigureAwait(false);
                Interlocked.Add(ref _up, datagram.Length);
            }
            catch (SocketException e)
            {
                Close(null, target.Failed("send to", ConnectionPhase.Send, e));
            }
            catch (ObjectDisposedException)
            {
                // Closed by the sweeper meanwhile; the datagram is dropped, as UDP may.
            }
        }

        public void Close(string? detail, SockitException? failure = null)
        {
            if (Interlocked.Exchange(ref _closed, 1) != 0)
            {
                return;
            }
            closed(this);
            target.Dispose();
            forwarder.Leave();
            forwarder.Raise(new ForwardEvent(ForwardEventKind.Closed, client, forwarder.Options.Target.Name)
            {
                TargetAddress = target.RemoteEndPoint,
                BytesUp = Interlocked.Read(ref _up),
                BytesDown = Interlocked.Read(ref _down),
                Duration = Stopwatch.GetElapsedTime(_started),
                Detail = detail,
                Failure = failure,
            });
        }

        private async Task ReceiveLoopAsync()
        {
            await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            var buffer = ArrayPool<byte>.Shared.Rent(MaxDatagram);
            try
            {
                while (true)
                {
                    var n = await target.Socket.ReceiveAsync(buffer.AsMemory(0, MaxDatagram), SocketFlags.None).ConfigureAwait(false);
                    Volatile.Write(ref _lastActivity, Environment.TickCount64);
                    await forwarder.Listener.Socket.SendToAsync(buffer.AsMemory(0, n), SocketFlags.None, client).ConfigureAwait(false);
                    Interlocked.Add(ref _down, n);
                }
            }
            catch (SocketException e) when (Volatile.Read(ref _closed) == 0)
            {
                // ICMP "port unreachable" on the connected socket: nothing listens at the target.
                Close(null, target.Failed("receive from", ConnectionPhase.Receive, e));
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
                // Closed: idle, or the forwarder stopping.
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
