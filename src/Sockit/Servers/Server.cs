using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using Sockit.Connections;

namespace Sockit.Servers;

/// <summary>
/// A running server over a <see cref="Listener"/>: accepts clients (TCP, Unix) or receives datagrams (UDP) in the
/// background, hands each message to <see cref="ServerOptions.Received"/>, and answers it with what
/// <see cref="ServerOptions.Respond"/> returns. Without <see cref="ServerOptions.Respond"/> it answers nothing (a sink;
/// <see cref="BroadcastAsync"/> sends to every client); <see cref="EchoServer"/> and <see cref="ReplyServer"/> start the
/// two common configurations. Dispose to stop: every connection is closed and a Unix socket's file removed.
/// </summary>
public sealed class Server : IAsyncDisposable
{
    private const int BufferSize = 64 * 1024;
    private const int DescriptorHeadroom = 32;
    private static readonly TimeSpan s_minAcceptBackOff = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_maxAcceptBackOff = TimeSpan.FromSeconds(1);
    private readonly ServerOptions _options;
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _receivedLock = new(1, 1);
    private readonly ConcurrentDictionary<Connection, SemaphoreSlim> _clients = new();
    private readonly ConcurrentDictionary<EndPoint, byte> _udpPeers = new();
    private readonly ConcurrentDictionary<Task, byte> _handlers = new(); // running client handlers, and any that faulted
    private Task _completion = Task.CompletedTask;
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
    public int ClientCount => Listener.Transport == Transport.Udp ? _udpPeers.Count : _clients.Count;

    /// <summary>Ends when the server stops: disposed, its only client gone (without <see cref="ServerOptions.KeepOpen"/>), or idle (UDP). Faults when <see cref="ServerOptions.Received"/> threw.</summary>
    public Task Completion => _completion;

    /// <summary>
    /// Binds (default: TCP on 127.0.0.1, a free port) and starts serving as <paramref name="options"/> say (default:
    /// answer nothing, see every message through <see cref="ServerOptions.Received"/> if set).
    /// </summary>
    public static Server Start(ListenerOptions? listenerOptions = null, ServerOptions? options = null)
    {
        var server = new Server(Listener.Bind(listenerOptions ?? new ListenerOptions()), options ?? new ServerOptions());
        server._completion = server.Listener.Transport == Transport.Udp ? server.ServeDatagramsAsync(server._stop.Token) : server.AcceptLoopAsync(server._stop.Token);
        return server;
    }

    /// <summary>Sends <paramref name="data"/> to every connected client (UDP: to every peer heard from). Returns how many it reached.</summary>
    public async ValueTask<int> BroadcastAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
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
        foreach (var (connection, sendLock) in _clients)
        {
            try
            {
                await SendLockedAsync(connection, sendLock, data, cancellationToken).ConfigureAwait(false);
                reached++;
            }
            catch (Exception e) when (e is ConnectionException or ObjectDisposedException)
            {
                // That client is going; its own loop reports it.
            }
        }
        return reached;
    }

    /// <summary>
    /// Stops the server: closes the listener and every connection, and waits for them. Rethrows what
    /// <see cref="ServerOptions.Received"/> threw, if it did (as <see cref="Completion"/> does). Disposing again does nothing.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
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
            // Also when Completion faulted (Received threw) and that failure is rethrown here.
            _stop.Dispose();
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
                var shortage = DescriptorShortage();
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
                backOff = backOff == TimeSpan.Zero ? s_minAcceptBackOff : TimeSpan.FromTicks(Math.Min(backOff.Ticks * 2, s_maxAcceptBackOff.Ticks));
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
            await Task.WhenAll(_handlers.Keys).ConfigureAwait(false);
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
        var handler = ServeConnectionAsync(connection, _stop.Token);
        _handlers.TryAdd(handler, 0);
        // Forget a handler once it ends well, so a long-running server does not hold one task per client it ever had;
        // a faulted one stays, for Completion to report.
        _ = handler.ContinueWith(
            static (task, handlers) => ((ConcurrentDictionary<Task, byte>)handlers!).TryRemove(task, out _),
            _handlers, CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
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
    /// the start plus one a client); near it, the open descriptors are counted.
    /// </summary>
    private string? DescriptorShortage()
    {
        if (_descriptorLimit is not { } limit || _descriptorsAtStart + _clients.Count + (2 * DescriptorHeadroom) < limit)
        {
            return null;
        }
        var open = Interop.Linux.DescriptorLimit.OpenCount() ?? 0;
        return open + DescriptorHeadroom < limit
            ? null
            : $"{open} of the {limit} file descriptors allowed are open, and {DescriptorHeadroom} are kept free for the runtime";
    }

    private static bool IsOutOfDescriptors(ConnectionException e) =>
        e.SocketError is System.Net.Sockets.SocketError.TooManyOpenSockets or System.Net.Sockets.SocketError.NoBufferSpaceAvailable;

    private async Task ServeConnectionAsync(Connection connection, CancellationToken cancellationToken)
    {
        // Run the loop on the thread pool, never on the caller's thread or its synchronization context (Task.Yield would post to that context).
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        var peer = connection.RemoteEndPoint;
        if (Listener.Tls is { } tls && !await HandshakeAsync(connection, tls, cancellationToken).ConfigureAwait(false))
        {
            return;
        }
        var sendLock = new SemaphoreSlim(1, 1);
        _clients[connection] = sendLock;
        _options.Events?.Invoke(new ServerEvent(ServerEventKind.Connected, peer));
        if (_options.Handler is { } handler)
        {
            await HandOverAsync(connection, sendLock, handler, cancellationToken).ConfigureAwait(false);
            return;
        }
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var end = ServerEventKind.Closed;
        string? detail = null;
        try
        {
            while (true)
            {
                if (_options.IdleTimeout is { } timeout)
                {
                    idle.CancelAfter(timeout);
                }
                var n = await connection.ReceiveAsync(buffer, idle.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }
                // What arrived together is one message: take whatever is already waiting too.
                while (n < buffer.Length && connection.Tls is null && connection.Socket.Available > 0)
                {
                    n += await connection.ReceiveAsync(buffer.AsMemory(n), idle.Token).ConfigureAwait(false);
                }
                var message = buffer.AsMemory(0, n);
                await DeliverAsync(peer, message, cancellationToken).ConfigureAwait(false);
                if (_options.Respond?.Invoke(message) is { } response)
                {
                    await SendLockedAsync(connection, sendLock, response, cancellationToken).ConfigureAwait(false);
                    if (_options.CloseAfterResponse)
                    {
                        break;
                    }
                }
            }
            await connection.ShutdownSendAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            end = ServerEventKind.IdleTimedOut;
            detail = $"sent nothing for {_options.IdleTimeout!.Value.TotalSeconds:0.###} s";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
        catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
        catch (ConnectionException) when (cancellationToken.IsCancellationRequested)
        {
            // The server is stopping and closed this connection under its pending receive.
        }
        catch (ConnectionException e)
        {
            end = ServerEventKind.Failed;
            detail = e.Message;
        }
#pragma warning disable CA1031 // Anything else (the Received callback failing) stops the whole server, reported by Completion.
        catch (Exception)
#pragma warning restore CA1031
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            _clients.TryRemove(connection, out _);
            connection.Dispose();
            sendLock.Dispose();
            _options.Events?.Invoke(new ServerEvent(end, peer, detail));
        }
    }

    /// <summary>Serves a client with <see cref="ServerOptions.Handler"/> instead of the message loop; cleans up as the loop does.</summary>
    private async ValueTask HandOverAsync(Connection connection, SemaphoreSlim sendLock, Func<Connection, CancellationToken, ValueTask> handler, CancellationToken cancellationToken)
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
#pragma warning disable CA1031 // Anything else stops the whole server, reported by Completion (as a failing Received callback does).
        catch (Exception)
#pragma warning restore CA1031
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            _clients.TryRemove(connection, out _);
            connection.Dispose();
            sendLock.Dispose();
            _options.Events?.Invoke(new ServerEvent(end, peer, detail));
        }
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
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
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
                await DeliverAsync(peer, message, cancellationToken).ConfigureAwait(false);
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

    private async ValueTask DeliverAsync(EndPoint peer, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (_options.Received is not { } received)
        {
            return;
        }
        await _receivedLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await received(peer, message, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _receivedLock.Release();
        }
    }

    private async ValueTask SendLockedAsync(Connection connection, SemaphoreSlim sendLock, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        await sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _options.Sent?.Invoke(connection.RemoteEndPoint, data);
            await connection.SendAsync(data, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            sendLock.Release();
        }
    }
}
