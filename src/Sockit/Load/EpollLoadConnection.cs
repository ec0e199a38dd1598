using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sockit.Connections;
using Sockit.Interop.Linux;

namespace Sockit.Load;

/// <summary>
/// A TCP or Unix connection driven by <see cref="EpollLoadLoop"/>: the same messages, checks and counts as
/// <see cref="StreamLoadConnection"/>, as steps the loop's one thread calls when the descriptor is readable or
/// writable, with non-blocking recv and send straight on the descriptor. Only the loop's thread touches its state;
/// <see cref="Abort"/> (the watchdog, a cancel) only leaves a note and wakes the loop.
/// </summary>
internal sealed unsafe class EpollLoadConnection : LoadConnection
{
    private readonly EpollLoadLoop _loop;
    private readonly int _size;
    private readonly int _depth;
    private readonly byte[] _ring;   // the ledger's; pinned, so send can take its address
    private readonly byte* _ringStart;
    private readonly EchoLedger _ledger;
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _sent;      // bytes of the message stream sent: message n's byte k is byte n * size + k
    private volatile bool _abortRequested;

    public EpollLoadConnection(LoadRun run, int index, Connection connection, EpollLoadLoop loop)
        : base(run, index, connection, loop.Latency)
    {
        _loop = loop;
        _size = run.Options.MessageSize;
        _depth = run.Options.Pipeline;
        _ring = GC.AllocateArray<byte>(_size * _depth, pinned: true);
        _ringStart = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_ring));
        _ledger = new EchoLedger(this, _ring, _size, _depth);
    }

    /// <summary>The descriptor of the connection now (it changes when the connection is made again).</summary>
    public int Descriptor { get; private set; } = -1;

    /// <summary>True while a send is waiting for room: the loop then also listens for writability.</summary>
    public bool WantsOutput { get; private set; }

    /// <summary>True when <see cref="Abort"/> asked the loop to close this connection.</summary>
    public bool AbortRequested => _abortRequested;

    /// <summary>Ends when the loop is done with this connection (the run is over for it).</summary>
    public override Task RunAsync() => _finished.Task;

    /// <summary>The watchdog (an overdue echo) or a cancel: noted, and the loop closes the connection on its thread.</summary>
    public override void Abort(string? reason)
    {
        NoteAbortReason(reason);
        _abortRequested = true;
        _loop.Wake();
    }

    /// <summary>Takes the connection's descriptor (non-blocking) for the loop, with nothing in flight.</summary>
    public void Attach()
    {
        // An abort asked for the connection before this one is no reason for this one's failures.
        NoteAbortReason(null);
        _abortRequested = false;
        Socket.Blocking = false;
        Descriptor = (int)Socket.Handle;
        WantsOutput = false;
        _ledger.Forget();
        _sent = _ledger.Next * _size;
    }

    /// <summary>Claims and sends the first messages; false when there is nothing left to send (the connection is done).</summary>
    public bool Begin(out Exception? failure)
    {
        failure = null;
        var first = Run.Budget.Claim(_depth);
        if (first == 0)
        {
            return false;
        }
        _ledger.Stamp(first);
        return Send(out failure);
    }

    /// <summary>
    /// The descriptor is readable (or in error): one recv into <paramref name="buffer"/>, every byte compared, and one
    /// message more for each echo completed. False with <paramref name="failure"/> when the connection broke; false
    /// without one when it is done (no more messages, none in flight).
    /// </summary>
    public bool Receive(byte[] buffer, byte* bufferStart, bool hungUp, out Exception? failure)
    {
        failure = null;
        var received = Epoll.Receive(Descriptor, bufferStart, (nuint)buffer.Length, 0);
        if (received < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error is Epoll.WouldBlock or Epoll.Interrupted)
            {
                if (!hungUp)
                {
                    return true;
                }
                // Hung up with nothing left to read: the same as an end of stream.
                received = 0;
            }
            else
            {
                failure = new SocketException(error);
                return false;
            }
        }
        if (received == 0)
        {
            failure = _ledger.ClosedEarly();
            return false;
        }
        var completed = _ledger.Consume(buffer.AsSpan(0, (int)received), _sent);
        if (completed > 0)
        {
            var more = Run.Budget.Claim(completed);
            if (more > 0)
            {
                _ledger.Stamp(more);
                return Send(out failure);
            }
        }
        return _ledger.Done < _ledger.Next;
    }

    /// <summary>The descriptor is writable: sends what waits; false with <paramref name="failure"/> when the connection broke.</summary>
    public bool Send(out Exception? failure)
    {
        failure = null;
        var end = _ledger.Next * _size;
        var ringBytes = (long)_ring.Length;
        while (_sent < end)
        {
            // The bytes to send run to the ring's end and may wrap to its start: one piece at a time.
            var position = (int)(_sent % ringBytes);
            var length = (int)Math.Min(end - _sent, ringBytes - position);
            var sent = Epoll.Send(Descriptor, _ringStart + position, (nuint)length, Epoll.NoSignal);
            if (sent < 0)
            {
                var error = Marshal.GetLastPInvokeError();
                if (error == Epoll.Interrupted)
                {
                    continue;
                }
                if (error == Epoll.WouldBlock)
                {
                    WantsOutput = true;
                    return true;
                }
                failure = new SocketException(error);
                return false;
            }
            _sent += sent;
        }
        WantsOutput = false;
        return true;
    }

    /// <summary>The loop is done with this connection: closes it, and <see cref="RunAsync"/> ends.</summary>
    public void Finish()
    {
        Descriptor = -1;
        Volatile.Write(ref InFlight, 0);
        Close();
        _finished.TrySetResult();
    }

    /// <summary>The loop failed: this connection ends with it.</summary>
    public void Fault(Exception exception)
    {
        Close();
        _finished.TrySetException(exception);
    }

    /// <summary>Counts a broken connection (in the watchdog's words when it asked) and forgets what was in flight on it.</summary>
    public void Broke(Exception failure)
    {
        Failed(failure);
        Descriptor = -1;
        Close();
        _ledger.Forget();
    }

    /// <summary>A new connection to the same server (on the thread pool, not the loop's thread); false when there is none.</summary>
    public ValueTask<bool> ConnectAgainAsync() => ReconnectAsync();
}
