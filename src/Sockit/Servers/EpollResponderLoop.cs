using System.Buffers;
using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sockit.Interop.Linux;

namespace Sockit.Servers;

/// <summary>
/// The answering server's data path on Linux (<see cref="Server"/> with <see cref="ServerOptions.Respond"/> over plain
/// TCP): one thread, one epoll set, as the C servers it is measured against are built. Each read is one recv into the
/// loop's one 128 KiB buffer and one send of the answer, straight on the descriptors: no task, no thread-pool hand-off,
/// and no buffer at all for a client between messages. Clients are edge-triggered (read until the kernel is empty, at
/// most a few reads a wake), which spares epoll the re-check a level-triggered descriptor costs at every wait. An answer
/// the client does not take at once is kept for it (copied into a rented buffer) and its reading stops until it is sent:
/// a client that does not read holds back only itself, and holds at most one answer.
/// </summary>
/// <remarks>
/// Used only where nothing on the data path may wait: no TLS, no idle timeout, no observer of the bytes
/// (<see cref="ServerOptions.Received"/>, <see cref="ServerOptions.Sent"/>), no <see cref="ServerOptions.Consume"/> or
/// <see cref="ServerOptions.Handler"/>; <see cref="ServerOptions.Events"/> must not block (its contract). Anything else
/// is served by <see cref="Server"/>'s own per-client loops.
/// </remarks>
internal sealed unsafe class EpollResponderLoop
{
    // Larger than the messages people time (64 KiB): a read shorter than the buffer is known to have taken everything,
    // so an edge-triggered client costs no extra recv to find the kernel empty.
    private const int BufferSize = 128 * 1024;
    private const int ReadsPerWake = 16;

    // An echo client whose reads come this large is served by splice (see SplicePipe), one whose reads come smaller by
    // recv and send again: for a few bytes, the copy a splice saves is cheaper than the pipe's own work.
    private const int SpliceFrom = 16 * 1024;
    private const int SmallSplicesToLeave = 8;

    // A client's interest while it is read: edge-triggered (epoll need not look at it again after each wake, as it
    // must for a level-triggered one), with the client's half-close told apart from data (EPOLLRDHUP).
    private const uint Reading = Epoll.In | Epoll.ReadHangUp | Epoll.EdgeTriggered;
    private const uint SplicedReading = Epoll.In | Epoll.ReadHangUp;
    private const int AcceptsPerWake = 64;

    private readonly Listener _listener;
    private readonly ServerOptions _options;
    private readonly Func<bool, string?> _descriptorShortage;
    private readonly Func<ReadOnlyMemory<byte>, ReadOnlyMemory<byte>?> _respond;
    private readonly SplicePipe? _pipe; // only for a verbatim echo, and only where the system gives a pipe
    // Indexed by descriptor, as the C server keeps its state: the lookup on every event is one array load.
    private EpollClient?[] _clients = new EpollClient?[1024];
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _listenDescriptor;
    private readonly EpollSet _set;
    private readonly Thread _thread;
    private readonly ServerEventQueue? _events;
    private int _clientCount;
    private int _stopping;

    private EpollResponderLoop(Listener listener, ServerOptions options, Func<bool, string?> descriptorShortage)
    {
        _listener = listener;
        _options = options;
        _respond = options.Respond!;
        _pipe = ReferenceEquals(_respond, EchoServer.Verbatim) && !options.CloseAfterResponse ? SplicePipe.TryCreate(2 * BufferSize) : null;
        _descriptorShortage = descriptorShortage;
        // The listening socket stays the Listener's (it closes it); accept4 needs it non-blocking, so that a client gone
        // before it is accepted leaves EAGAIN, not a thread stuck in accept.
        listener.Socket.Blocking = false;
        _listenDescriptor = (int)listener.Socket.Handle;
        _set = new EpollSet();
        _set.Register(Epoll.Add, _listenDescriptor, Epoll.In);
        _thread = new Thread(Run) { IsBackground = true, Name = "sockit server loop" };
        _events = options.Events is { } events ? new ServerEventQueue(events) : null;
    }

    /// <summary>Ends when the loop has stopped; faults when <see cref="ServerOptions.Respond"/> or an event callback threw.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Clients connected now.</summary>
    public int ClientCount => Volatile.Read(ref _clientCount);

    /// <summary>True when <paramref name="options"/> and <paramref name="listener"/> let this loop serve (see the remarks).</summary>
    public static bool CanServe(Listener listener, ServerOptions options) =>
        OperatingSystem.IsLinux()
        && Interop.SocketPlatform.Current is LinuxSocketPlatform
        && Environment.GetEnvironmentVariable("SOCKIT_SERVER_LOOPS") != "tasks"
        && listener.Transport == Connections.Transport.Tcp
        && listener.Tls is null
        && options is { Respond: not null, KeepOpen: true, IdleTimeout: null, Received: null, Sent: null, Consume: null, Handler: null };

    /// <summary>Starts serving <paramref name="listener"/>'s clients on a thread of its own.</summary>
    public static EpollResponderLoop Start(Listener listener, ServerOptions options, Func<bool, string?> descriptorShortage)
    {
        var loop = new EpollResponderLoop(listener, options, descriptorShortage);
        loop._thread.Start();
        return loop;
    }

    /// <summary>Tells the loop to stop: it closes every client (each with its Closed event), and then <see cref="Completion"/> ends.</summary>
    public void Stop()
    {
        Volatile.Write(ref _stopping, 1);
        _set.Wake();
    }

    private void Run()
    {
        // One buffer for every client (the loop serves one at a time), pinned so its address holds for recv.
        var array = GC.AllocateArray<byte>(BufferSize, pinned: true);
        var buffer = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        var backOff = TimeSpan.Zero;
        var resumeAt = 0L;
        Exception? fault = null;
        try
        {
            while (Volatile.Read(ref _stopping) == 0)
            {
                var timeout = backOff == TimeSpan.Zero ? -1 : (int)Math.Max(1, (resumeAt - Environment.TickCount64));
                var count = _set.Wait(timeout);
                if (backOff != TimeSpan.Zero && Environment.TickCount64 >= resumeAt)
                {
                    // The pause is over: listen for clients again, and find out whether there is room for them.
                    _set.Register(Epoll.Add, _listenDescriptor, Epoll.In);
                    resumeAt = 0;
                }
                for (var i = 0; i < count; i++)
                {
                    var flags = _set.Flags(i);
                    var data = _set.Data(i);
                    if (EpollSet.IsWake(data))
                    {
                        // Stop (a break would leave only this for-loop; Stop has set _stopping for the while).
                        break;
                    }
                    var descriptor = (int)data;
                    if (descriptor == _listenDescriptor)
                    {
                        backOff = AcceptAll(buffer, backOff, ref resumeAt);
                    }
                    else if ((uint)descriptor < (uint)_clients.Length && _clients[descriptor] is { } client)
                    {
                        Serve(client, flags, array, buffer);
                    }
                }
            }
        }
#pragma warning disable CA1031 // A callback threw: the server stops, and Completion reports it (as Server's own loops do).
        catch (Exception e)
#pragma warning restore CA1031
        {
            fault = e;
        }
        finally
        {
            CloseAll();
            _set.Dispose();
            _pipe?.Dispose();
        }
        _events?.Complete();
        // Completion ends once every event has been told, so whoever awaits it has heard of every client's end.
        var told = _events?.Told ?? Task.CompletedTask;
        _ = told.ContinueWith(
            (t, state) =>
            {
                var failure = (Exception?)state ?? t.Exception?.InnerException;
                if (failure is null)
                {
                    _completion.TrySetResult();
                }
                else
                {
                    _completion.TrySetException(failure);
                }
            },
            fault, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Report(ServerEvent e) => _events?.Report(e);

    // Accepts what is waiting, a bounded number a wake so that clients already in are not starved. Out of descriptors:
    // stops listening for a while (50 ms, doubling up to 1 s), says so once, and says so again only after it has
    // accepted again. The clients wait in the backlog meanwhile.
    private TimeSpan AcceptAll(byte* scratch, TimeSpan backOff, ref long resumeAt)
    {
        for (var n = 0; n < AcceptsPerWake; n++)
        {
            var shortage = _descriptorShortage(backOff != TimeSpan.Zero);
            int descriptor = -1;
            uint length = 128;
            if (shortage is null)
            {
                descriptor = Epoll.Accept(_listenDescriptor, scratch, &length, Epoll.NonBlocking | Epoll.CloseOnExec);
                if (descriptor < 0)
                {
                    var error = Marshal.GetLastPInvokeError();
                    if (error is Epoll.WouldBlock or Epoll.Interrupted or Epoll.ConnectionAborted)
                    {
                        return backOff;
                    }
                    if (error is not (Epoll.TooManyFiles or Epoll.TooManyFilesInSystem or Epoll.NoBuffers or Epoll.NoMemory))
                    {
                        // Another accept error (a protocol error of the one client): wait for the next.
                        continue;
                    }
                    shortage = new System.Net.Sockets.SocketException(error).Message;
                }
            }
            if (descriptor >= 0)
            {
                if (backOff != TimeSpan.Zero)
                {
                    backOff = TimeSpan.Zero;
                    Report(new ServerEvent(ServerEventKind.AcceptResumed, _listener.LocalEndPoint));
                }
                Admit(descriptor, LinuxSocketPlatform.ReadSocketAddress(scratch, (int)Math.Min(length, 128u)) ?? _listener.LocalEndPoint);
                continue;
            }
            if (backOff == TimeSpan.Zero)
            {
                Report(new ServerEvent(ServerEventKind.AcceptPaused, _listener.LocalEndPoint, shortage));
            }
            backOff = AcceptBackOff.Next(backOff);
            _set.Register(Epoll.Delete, _listenDescriptor, 0);
            resumeAt = Environment.TickCount64 + (long)backOff.TotalMilliseconds;
            return backOff;
        }
        return backOff;
    }

    private void Admit(int descriptor, EndPoint peer)
    {
        if (_options.MaxClients is { } max && _clientCount >= max)
        {
            Report(new ServerEvent(ServerEventKind.Rejected, peer, $"already serving {max} clients"));
            CloseQuietly(descriptor);
            return;
        }
        Epoll.NoDelay(descriptor);
        var client = new EpollClient(descriptor, peer);
        if (descriptor >= _clients.Length)
        {
            Array.Resize(ref _clients, Math.Max(descriptor + 1, _clients.Length * 2));
        }
        _clients[descriptor] = client;
        Volatile.Write(ref _clientCount, _clientCount + 1);
        _set.Register(Epoll.Add, descriptor, Reading);
        Report(new ServerEvent(ServerEventKind.Connected, peer));
    }

    private void Serve(EpollClient client, uint flags, byte[] array, byte* buffer)
    {
        if (client.Pending is not null)
        {
            // Waiting for room to send the rest of an answer: nothing is read meanwhile.
            if ((flags & (Epoll.Out | Epoll.Error | Epoll.HangUp)) != 0)
            {
                SendPending(client);
            }
            return;
        }
        // Edge-triggered: this event is the only word of what arrived, so read until the kernel holds nothing more for
        // the client. A read shorter than the buffer took all there was, unless the client has also closed its side or
        // failed (then one more read meets the end or the error, and no further event would come to say so).
        var ended = (flags & (Epoll.ReadHangUp | Epoll.HangUp | Epoll.Error)) != 0;
        if (client.Spliced)
        {
            ServeSpliced(client, buffer);
            return;
        }
        for (var reads = 0; reads < ReadsPerWake; reads++)
        {
            var received = AnswerOnce(client, array, buffer);
            if (_pipe is not null && received >= SpliceFrom && client.Pending is null)
            {
                // Large reads: splice the next ones. Level-triggered from now, which also tells of what is left.
                client.Spliced = true;
                _set.Register(Epoll.Modify, client.Descriptor, SplicedReading);
                return;
            }
            if (received <= 0 || (received < BufferSize && !ended))
            {
                return;
            }
        }
        // Enough for one wake while others wait: have epoll look again (a change of interest re-checks readiness, and
        // queues the client if bytes remain).
        _set.Register(Epoll.Modify, client.Descriptor, Reading);
    }

    // One recv and the answer to it. Returns the bytes read, or 0 when the client is done, waits to send, or has
    // nothing more to read now.
    private nint AnswerOnce(EpollClient client, byte[] array, byte* buffer)
    {
        var received = Epoll.Receive(client.Descriptor, buffer, BufferSize, 0);
        if (received < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error is not (Epoll.WouldBlock or Epoll.Interrupted))
            {
                End(client, ServerEventKind.Failed, new System.Net.Sockets.SocketException(error).Message, shutdown: false);
            }
            return 0;
        }
        if (received == 0)
        {
            // The client half-closed: so does the server, as Server's loops do, then the connection is done.
            End(client, ServerEventKind.Closed, null, shutdown: true);
            return 0;
        }
        client.Received += received;
        if (_respond(array.AsMemory(0, (int)received)) is not { } answer)
        {
            return received;
        }
        // fixed, not Memory.Pin: an echo's answer is the loop's own (pinned) buffer, and a pinned local costs nothing
        // where Pin takes and frees a GC handle for every message.
        fixed (byte* answerBytes = answer.Span)
        {
            var sent = answer.Length == 0 ? 0 : Epoll.Send(client.Descriptor, answerBytes, (nuint)answer.Length, Epoll.NoSignal);
            if (sent < 0)
            {
                var error = Marshal.GetLastPInvokeError();
                if (error is not (Epoll.WouldBlock or Epoll.Interrupted))
                {
                    End(client, ServerEventKind.Failed, new System.Net.Sockets.SocketException(error).Message, shutdown: false);
                    return 0;
                }
                sent = 0;
            }
            client.Sent += sent;
            if (sent < answer.Length)
            {
                // The client is not taking it all now: keep the rest (the buffer is reused at the next event) and wait
                // for room, not reading it meanwhile.
                var rest = answer.Length - (int)sent;
                client.Pending = ArrayPool<byte>.Shared.Rent(rest);
                answer.Span[(int)sent..].CopyTo(client.Pending);
                client.PendingOffset = 0;
                client.PendingLength = rest;
                _set.Register(Epoll.Modify, client.Descriptor, Epoll.Out);
                return 0;
            }
        }
        if (_options.CloseAfterResponse)
        {
            End(client, ServerEventKind.Closed, null, shutdown: true);
            return 0;
        }
        return received;
    }

    // One splice an event, level-triggered: a splice may stop short of what the socket holds (the pipe has only so many
    // slots), and epoll then simply tells of the client again. Many small reads in a row send the client back to recv.
    private void ServeSpliced(EpollClient client, byte* buffer)
    {
        var moved = EchoBySplice(client, buffer);
        if (moved <= 0)
        {
            return;
        }
        if (moved >= SpliceFrom)
        {
            client.SmallSplices = 0;
        }
        else if (++client.SmallSplices >= SmallSplicesToLeave && client.Pending is null)
        {
            client.Spliced = false;
            client.SmallSplices = 0;
            _set.Register(Epoll.Modify, client.Descriptor, Reading);
        }
    }

    // A verbatim echo of one read through the pipe, with the same outcomes as AnswerOnce: the bytes moved, or 0 when
    // the client is done, waits to send, or has nothing more now. The pipe is empty again when this returns.
    private nint EchoBySplice(EpollClient client, byte* buffer)
    {
        var received = _pipe!.FillFrom(client.Descriptor, BufferSize);
        if (received <= 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (received == 0)
            {
                End(client, ServerEventKind.Closed, null, shutdown: true);
            }
            else if (error is not (Epoll.WouldBlock or Epoll.Interrupted))
            {
                End(client, ServerEventKind.Failed, new System.Net.Sockets.SocketException(error).Message, shutdown: false);
            }
            return 0;
        }
        client.Received += received;
        var sent = _pipe.DrainTo(client.Descriptor, received);
        if (sent < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error is not (Epoll.WouldBlock or Epoll.Interrupted))
            {
                // The client is gone: its bytes leave the pipe with it.
                _pipe.TakeInto(new Span<byte>(buffer, BufferSize), (int)received); // at most BufferSize: FillFrom's bound
                End(client, ServerEventKind.Failed, new System.Net.Sockets.SocketException(error).Message, shutdown: false);
                return 0;
            }
            sent = 0;
        }
        client.Sent += sent;
        if (sent < received)
        {
            // As AnswerOnce: the rest waits in the client's own buffer (the pipe serves the next client), reading stops.
            var rest = (int)(received - sent);
            client.Pending = ArrayPool<byte>.Shared.Rent(rest);
            _pipe.TakeInto(client.Pending, rest);
            client.PendingOffset = 0;
            client.PendingLength = rest;
            _set.Register(Epoll.Modify, client.Descriptor, Epoll.Out);
            return 0;
        }
        return received;
    }

    private void SendPending(EpollClient client)
    {
        fixed (byte* pending = client.Pending)
        {
            var sent = Epoll.Send(client.Descriptor, pending + client.PendingOffset, (nuint)client.PendingLength, Epoll.NoSignal);
            if (sent < 0)
            {
                var error = Marshal.GetLastPInvokeError();
                if (error is not (Epoll.WouldBlock or Epoll.Interrupted))
                {
                    End(client, ServerEventKind.Failed, new System.Net.Sockets.SocketException(error).Message, shutdown: false);
                }
                return;
            }
            client.Sent += sent;
            client.PendingOffset += (int)sent;
            client.PendingLength -= (int)sent;
        }
        if (client.PendingLength > 0)
        {
            return;
        }
        ArrayPool<byte>.Shared.Return(client.Pending!);
        client.Pending = null;
        if (_options.CloseAfterResponse)
        {
            End(client, ServerEventKind.Closed, null, shutdown: true);
            return;
        }
        // Back to reading; the change of interest re-checks readiness, so bytes that came meanwhile raise an event.
        _set.Register(Epoll.Modify, client.Descriptor, client.Spliced ? SplicedReading : Reading);
    }

    private void End(EpollClient client, ServerEventKind kind, string? detail, bool shutdown)
    {
        _clients[client.Descriptor] = null;
        Volatile.Write(ref _clientCount, _clientCount - 1);
        if (shutdown)
        {
            _ = Epoll.Shutdown(client.Descriptor, Epoll.ShutWrite);
        }
        // Closing the descriptor also takes it out of the epoll set.
        CloseQuietly(client.Descriptor);
        if (client.Pending is { } pending)
        {
            ArrayPool<byte>.Shared.Return(pending);
            client.Pending = null;
        }
        Report(new ServerEvent(kind, client.Peer, detail) { BytesReceived = client.Received, BytesSent = client.Sent });
    }

    private void CloseAll()
    {
        foreach (var client in _clients)
        {
            if (client is not null)
            {
                End(client, ServerEventKind.Closed, null, shutdown: false);
            }
        }
    }

    private static void CloseQuietly(int descriptor)
    {
        if (descriptor >= 0)
        {
            _ = Epoll.Close(descriptor);
        }
    }
}
