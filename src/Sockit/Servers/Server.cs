using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Sockit.Connections;

namespace Sockit.Servers;

/// <summary>
/// A running server over a <see cref="Listener"/>: accepts clients (TCP, Unix) or receives datagrams (UDP) in the
/// background, shows each message to <see cref="ServerOptions.Received"/>, hands it to <see cref="ServerOptions.Consume"/>,
/// and answers it with what <see cref="ServerOptions.Respond"/> returns. Without <see cref="ServerOptions.Respond"/> it
/// answers nothing (a sink; <see cref="BroadcastAsync"/> sends to every client); <see cref="EchoServer"/> and
/// <see cref="ReplyServer"/> start the two common configurations. Dispose to stop: every connection is closed and a Unix
/// socket's file removed.
/// </summary>
/// <remarks>
/// Built for many clients: each client is served by its own loop with no lock shared between clients, so a client
/// that is slow (or a callback that is slow for one client) holds up that client only. An idle TCP or Unix client holds
/// no receive buffer: its loop waits for data with a zero-byte receive and rents a buffer only to read what has come. A
/// client that does not read its answers stops being read until it does (the send waits), so memory stays bounded.
/// On Linux, a server that answers over plain TCP with nothing on its data path that could wait (no observer of the
/// bytes, no idle timeout) is served instead by one epoll thread over the raw descriptors, as a C server is
/// (<see cref="EpollResponderLoop"/>): no task or buffer per client at all.
/// </remarks>
public sealed class Server : IAsyncDisposable
{
    // A read takes what has arrived, up to this much; the buffer is rented for the read and the answer, then returned.
    private const int PlainBufferSize = 64 * 1024;
    // SslStream hands over at most one record (16 KiB) a read.
    private const int TlsBufferSize = 16 * 1024;
    private const int DescriptorHeadroom = 32;
    private readonly ServerOptions _options;
    private readonly CancellationTokenSource _stop = new();
    // Broadcasts take turns, so two never interleave on one client. The data path never takes it: a server that answers
    // does not broadcast, so no client needs a send lock of its own.
    private readonly SemaphoreSlim _broadcastLock = new(1, 1);
    private readonly ConcurrentDictionary<Connection, ClientTraffic> _clients = new();
    private readonly ConcurrentDictionary<EndPoint, byte> _udpPeers = new();
    private readonly TaskCompletionSource _handlersDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _handlersRunning = 1; // the accept loop counts as one, so the count reaches 0 only after it has stopped
    private Exception? _handlerFault; // the first exception a callback threw on a client's loop, for Completion
    private Task _completion = Task.CompletedTask;
    private EpollResponderLoop? _loop; // the answering server's one-thread data path on Linux, when it applies
    private int _disposed;

    private readonly long? _descriptorLimit = Interop.Linux.DescriptorLimit.Soft();
    private readonly int _descriptorsAtStart = Interop.Linux.DescriptorLimit.OpenCount() ?? 0;

    private Server(Listener listener, ServerOptions options)
    {
        Listener = listener;
        _options = options;
    }

    /// <summary>The bound listener.</summary>
    public Listener Listener { get; }

    /// <summary>The bound address, with the real port when port 0 was asked for.</summary>
    public EndPoint LocalEndPoint => Listener.LocalEndPoint;

    /// <summary>The bound port (0 for a Unix socket).</summary>
    public int Port => Listener.Port;

    /// <summary>Clients connected now (TCP, Unix), or peers heard from (UDP).</summary>
    public int ClientCount => _loop?.ClientCount ?? (Listener.Transport == Transport.Udp ? _udpPeers.Count : _clients.Count);

    /// <summary>Ends when the server stops: disposed, its only client gone (without <see cref="ServerOptions.KeepOpen"/>), or idle (UDP). Faults when a callback (<see cref="ServerOptions.Received"/>, <see cref="ServerOptions.Consume"/>, <see cref="ServerOptions.Respond"/>) threw.</summary>
    public Task Completion => _completion;

    /// <summary>
    /// Binds (default: TCP on 127.0.0.1, a free port) and starts serving as <paramref name="options"/> say (default:
    /// answer nothing, see every message through <see cref="ServerOptions.Received"/> if set).
    /// </summary>
    public static Server Start(ListenerOptions? listenerOptions = null, ServerOptions? options = null)
    {
        var server = new Server(Listener.Bind(listenerOptions ?? new ListenerOptions()), options ?? new ServerOptions());
        if (EpollResponderLoop.CanServe(server.Listener, server._options))
        {
            // An answering server over plain TCP on Linux: one epoll thread serves every client (see EpollResponderLoop).
            server._loop = EpollResponderLoop.Start(server.Listener, server._options, server.DescriptorShortage);
            server._completion = server._loop.Completion;
            return server;
        }
        server._completion = server.Listener.Transport == Transport.Udp ? server.ServeDatagramsAsync(server._stop.Token) : server.AcceptLoopAsync(server._stop.Token);
        return server;
    }

    /// <summary>
    /// Sends <paramref name="data"/> to every connected client (UDP: to every peer heard from), one after another; calls
    /// take turns. Returns how many it reached. Only for a server without <see cref="ServerOptions.Respond"/> (a server
    /// that answers sends only its answers, so its clients' sends need no lock): else <see cref="InvalidOperationException"/>.
    /// </summary>
    public async ValueTask<int> BroadcastAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        if (_options.Respond is not null)
        {
            throw new InvalidOperationException("a server that answers (ServerOptions.Respond) does not broadcast: its clients' own loops send");
        }
        await _broadcastLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var reached = 0;
            if (Listener.Transport == Transport.Udp)
            {
                foreach (var peer in _udpPeers.Keys)
                {
                    _options.Sent?.Invoke(peer, data);
                    await Listener.SendToAsync(data, peer, cancellationToken).ConfigureAwait(false);
                    reached++;
                }
                return reached;
            }
            foreach (var (connection, traffic) in _clients)
            {
                try
                {
                    _options.Sent?.Invoke(connection.RemoteEndPoint, data);
                    await connection.SendAsync(data, cancellationToken).ConfigureAwait(false);
                    Interlocked.Add(ref traffic.Sent, data.Length);
                    reached++;
                }
                catch (Exception e) when (e is ConnectionException or ObjectDisposedException)
                {
                    // That client is going; its own loop reports it.
                }
            }
            return reached;
        }
        finally
        {
            _broadcastLock.Release();
        }
    }

    /// <summary>
    /// Stops the server: closes the listener and every connection, and waits for them. Rethrows what a callback threw,
    /// if one did (as <see cref="Completion"/> does). Disposing again does nothing.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            // The loop uses the listening socket: it stops (closing its clients) before the listener is closed. A callback's
            // failure comes out of Completion below.
            _loop.Stop();
            await ((Task)_loop.Completion).ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).ConfigureAwait(false);
        }
        await Listener.DisposeAsync().ConfigureAwait(false);
        foreach (var connection in _clients.Keys)
        {
            connection.Dispose();
        }
        try
        {
            await _completion.ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ConnectionException or ObjectDisposedException)
        {
            // Stopping.
        }
        finally
        {
            // Also when Completion faulted (a callback threw) and that failure is rethrown here.
            _stop.Dispose();
            _broadcastLock.Dispose();
        }
        GC.SuppressFinalize(this);
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        // Run the loop on the thread pool, never on the caller's thread or its synchronization context (Task.Yield would post to that context).
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        var backOff = TimeSpan.Zero;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // Out of file descriptors (or about to be): the waiting clients stay in the backlog, and accept would
                // fail again at once until a descriptor is free. Retrying at once would spin a core: pause, longer each
                // time (50 ms up to 1 s), and say so once until an accept succeeds again. A margin is kept free because
                // the runtime itself needs descriptors to start a thread or load code, and aborts without them.
                var shortage = DescriptorShortage(paused: backOff != TimeSpan.Zero);
                Connection? connection = null;
                if (shortage is null)
                {
                    try
                    {
                        // Plain accept: a TLS handshake runs on the client's own task, so one slow or failing client never holds up the loop.
                        connection = await Listener.AcceptPlainAsync(cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or ConnectionException && cancellationToken.IsCancellationRequested)
                    {
                        // Stopping: the listener was closed under the pending accept.
                        break;
                    }
                    catch (ConnectionException e) when (IsOutOfDescriptors(e))
                    {
                        shortage = e.Message;
                    }
                    catch (ConnectionException)
                    {
                        // The client went before it was accepted (ECONNABORTED): wait for the next.
                        continue;
                    }
                }
                if (connection is not null)
                {
                    if (backOff != TimeSpan.Zero)
                    {
                        backOff = TimeSpan.Zero;
                        _options.Events?.Invoke(new ServerEvent(ServerEventKind.AcceptResumed, Listener.LocalEndPoint));
                    }
                    if (!await ServeAcceptedAsync(connection).ConfigureAwait(false))
                    {
                        break;
                    }
                    continue;
                }
                if (backOff == TimeSpan.Zero)
                {
                    _options.Events?.Invoke(new ServerEvent(ServerEventKind.AcceptPaused, Listener.LocalEndPoint, shortage));
                }
                backOff = AcceptBackOff.Next(backOff);
                try
                {
                    await Task.Delay(backOff, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
        finally
        {
            HandlerEnded();
            await _handlersDone.Task.ConfigureAwait(false);
        }
        if (Volatile.Read(ref _handlerFault) is { } fault)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(fault);
        }
    }

    /// <summary>Starts serving an accepted client; false when the server stops accepting now (netcat without -k).</summary>
    private async ValueTask<bool> ServeAcceptedAsync(Connection connection)
    {
        if (_options.MaxClients is { } max && _clients.Count >= max)
        {
            _options.Events?.Invoke(new ServerEvent(ServerEventKind.Rejected, connection.RemoteEndPoint, $"already serving {max} clients"));
            connection.Dispose();
            return true;
        }
        // Counted, not kept: a long-running server holds nothing for a client once it has gone (a callback's failure is kept
        // in _handlerFault for Completion).
        Interlocked.Increment(ref _handlersRunning);
        _ = ServeConnectionAsync(connection, _stop.Token);
        if (!_options.KeepOpen)
        {
            // netcat without -k: stop listening once the one client is in.
            await Listener.DisposeAsync().ConfigureAwait(false);
            return false;
        }
        return true;
    }

    /// <summary>
    /// Null while there are descriptors to spare; else why not. Cheap while far from the limit (the descriptors open at
    /// the start plus one a client); near it, the open descriptors are counted. Once <paramref name="paused"/>, accepting
    /// resumes only with a quarter more than the margin free: at exactly the margin, a descriptor the runtime closes and
    /// opens again (loading code, say) would let one client in and pause again, saying so each time.
    /// </summary>
    private string? DescriptorShortage(bool paused)
    {
        var margin = paused ? DescriptorHeadroom + (DescriptorHeadroom / 4) : DescriptorHeadroom;
        if (_descriptorLimit is not { } limit || _descriptorsAtStart + ClientCount + margin + DescriptorHeadroom < limit)
        {
            return null;
        }
        var open = Interop.Linux.DescriptorLimit.OpenCount() ?? 0;
        return open + margin < limit
            ? null
            : $"{open} of the {limit} file descriptors allowed are open, and {DescriptorHeadroom} are kept free for the runtime";
    }

    private static bool IsOutOfDescriptors(ConnectionException e) =>
        e.SocketError is System.Net.Sockets.SocketError.TooManyOpenSockets or System.Net.Sockets.SocketError.NoBufferSpaceAvailable;

    private void HandlerEnded()
    {
        if (Interlocked.Decrement(ref _handlersRunning) == 0)
        {
            _handlersDone.TrySetResult();
        }
    }

    private async Task ServeConnectionAsync(Connection connection, CancellationToken cancellationToken)
    {
        try
        {
            // Run the loop on the thread pool, never on the caller's thread or its synchronization context (Task.Yield would post to that context).
            await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
            if (Listener.Tls is { } tls && !await HandshakeAsync(connection, tls, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
            await ServeClientAsync(connection, cancellationToken).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // A callback failed: the whole server stops, and Completion reports it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            Interlocked.CompareExchange(ref _handlerFault, e, null);
            await _stop.CancelAsync().ConfigureAwait(false);
        }
        finally
        {
            HandlerEnded();
        }
    }

    private async Task ServeClientAsync(Connection connection, CancellationToken cancellationToken)
    {
        var peer = connection.RemoteEndPoint;
        var traffic = new ClientTraffic();
        _clients[connection] = traffic;
        if (cancellationToken.IsCancellationRequested)
        {
            // Stopped while this client was being added, maybe after DisposeAsync closed the others: close it here.
            _clients.TryRemove(connection, out _);
            connection.Dispose();
            return;
        }
        _options.Events?.Invoke(new ServerEvent(ServerEventKind.Connected, peer));
        if (_options.Handler is { } handler)
        {
            await HandOverAsync(connection, traffic, handler, cancellationToken).ConfigureAwait(false);
            return;
        }
        // Receives wait without the server's token: stopping closes every connection, which ends them (one registration
        // fewer a client). A timer of its own only when an idle timeout is asked for.
        using var idle = _options.IdleTimeout is null ? null : new CancellationTokenSource();
        var receiveToken = idle?.Token ?? CancellationToken.None;
        // SslStream passes a zero-byte read through to the socket too, and reads (and decrypts) a record only once data is
        // there; a read then returns at most one record (16 KiB).
        var bufferSize = connection.Tls is null ? PlainBufferSize : TlsBufferSize;
        var end = ServerEventKind.Closed;
        string? detail = null;
        try
        {
            while (true)
            {
                if (_options.IdleTimeout is { } timeout)
                {
                    idle!.CancelAfter(timeout);
                }
                // Wait until there is something to read without holding a buffer: an idle client costs no buffer.
                await connection.ReceiveAsync(Memory<byte>.Empty, receiveToken).ConfigureAwait(false);
                var buffer = ArrayPool<byte>.Shared.Rent(bufferSize);
                try
                {
                    var n = await connection.ReceiveAsync(buffer, receiveToken).ConfigureAwait(false);
                    if (n == 0)
                    {
                        break;
                    }
                    traffic.Received += n;
                    if (!await HandleMessageAsync(connection, traffic, buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false))
                    {
                        break;
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
            await connection.ShutdownSendAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (idle is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
        {
            end = ServerEventKind.IdleTimedOut;
            detail = $"sent nothing for {_options.IdleTimeout!.Value.TotalSeconds:0.###} s";
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or ConnectionException && cancellationToken.IsCancellationRequested)
        {
            // The server is stopping and closed this connection under its pending receive or send.
        }
        catch (ConnectionException e)
        {
            end = ServerEventKind.Failed;
            detail = e.Message;
        }
        finally
        {
            _clients.TryRemove(connection, out _);
            connection.Dispose();
            _options.Events?.Invoke(new ServerEvent(end, peer, detail) { BytesReceived = traffic.Received, BytesSent = Interlocked.Read(ref traffic.Sent) });
        }
    }

    /// <summary>Serves a client with <see cref="ServerOptions.Handler"/> instead of the message loop; cleans up as the loop does.</summary>
    private async ValueTask HandOverAsync(Connection connection, ClientTraffic traffic, Func<Connection, CancellationToken, ValueTask> handler, CancellationToken cancellationToken)
    {
        var peer = connection.RemoteEndPoint;
        var end = ServerEventKind.Closed;
        string? detail = null;
        try
        {
            await handler(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SockitException && cancellationToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
        catch (SockitException e)
        {
            end = ServerEventKind.Failed;
            detail = e.Message;
        }
        finally
        {
            // Anything else the handler throws goes on up and stops the whole server (as a failing callback does).
            _clients.TryRemove(connection, out _);
            connection.Dispose();
            _options.Events?.Invoke(new ServerEvent(end, peer, detail) { BytesReceived = traffic.Received, BytesSent = Interlocked.Read(ref traffic.Sent) });
        }
    }

    /// <summary>One message of a client: shown, consumed, answered. False when the client is to be closed now.</summary>
    private async ValueTask<bool> HandleMessageAsync(Connection connection, ClientTraffic traffic, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        var peer = connection.RemoteEndPoint;
        _options.Received?.Invoke(peer, message);
        if (_options.Consume is { } consume)
        {
            await consume(peer, message, cancellationToken).ConfigureAwait(false);
        }
        if (_options.Respond?.Invoke(message) is not { } response)
        {
            return true;
        }
        _options.Sent?.Invoke(peer, response);
        // Awaited: a client that does not read its answers is not read either until it does (backpressure on it alone).
        // No token, as for the receives: stopping closes the connection under a send that waits.
        await connection.SendAsync(response, CancellationToken.None).ConfigureAwait(false);
        Interlocked.Add(ref traffic.Sent, response.Length);
        return !_options.CloseAfterResponse;
    }

    // A client whose handshake fails is reported and closed; the server goes on.
    private async ValueTask<bool> HandshakeAsync(Connection connection, Tls.TlsServerOptions tls, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.IdleTimeout is { } timeout)
        {
            idle.CancelAfter(timeout);
        }
        string detail;
        try
        {
            await connection.AcceptTlsAsync(tls, idle.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is Tls.TlsException or ConnectionException && !cancellationToken.IsCancellationRequested)
        {
            detail = e.Message;
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            detail = $"TLS handshake with {connection.PeerName} not done after {_options.IdleTimeout!.Value.TotalSeconds:0.###} s";
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or Tls.TlsException or ConnectionException)
        {
            // The server is stopping.
            connection.Dispose();
            return false;
        }
        connection.Dispose();
        _options.Events?.Invoke(new ServerEvent(ServerEventKind.Failed, connection.RemoteEndPoint, detail));
        return false;
    }

    private async Task ServeDatagramsAsync(CancellationToken cancellationToken)
    {
        // Run the loop on the thread pool, never on the caller's thread or its synchronization context (Task.Yield would post to that context).
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        var buffer = ArrayPool<byte>.Shared.Rent(PlainBufferSize);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            while (true)
            {
                if (_options.IdleTimeout is { } timeout)
                {
                    idle.CancelAfter(timeout);
                }
                var result = await Listener.ReceiveFromAsync(buffer, idle.Token).ConfigureAwait(false);
                var peer = result.RemoteEndPoint;
                if (_udpPeers.TryAdd(peer, 0))
                {
                    _options.Events?.Invoke(new ServerEvent(ServerEventKind.Connected, peer));
                }
                var message = buffer.AsMemory(0, result.ReceivedBytes);
                _options.Received?.Invoke(peer, message);
                if (_options.Consume is { } consume)
                {
                    await consume(peer, message, cancellationToken).ConfigureAwait(false);
                }
                if (_options.Respond?.Invoke(message) is { } response)
                {
                    _options.Sent?.Invoke(peer, response);
                    await Listener.SendToAsync(response, peer, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or System.Net.Sockets.SocketException && idle.IsCancellationRequested)
        {
            // Stopped, or idle for IdleTimeout: a UDP server's normal end.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
