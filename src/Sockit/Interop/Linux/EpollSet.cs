using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Sockit.Interop.Linux;

/// <summary>
/// An epoll set for a one-thread event loop (<see cref="Servers.EpollResponderLoop"/>, <see cref="Load.EpollLoadLoop"/>):
/// the set, the events it returns, and an eventfd through which other threads wake the loop. Only the loop's thread
/// calls <see cref="Wait"/>, <see cref="Flags"/>, <see cref="Data"/> and <see cref="Dispose"/>; <see cref="Wake"/> may
/// come from any thread, also after the loop has ended.
/// </summary>
internal sealed unsafe class EpollSet : IDisposable
{
    private const int MaxEvents = 256;
    private const ulong WakeData = ulong.MaxValue;

    // struct epoll_event is packed on x86-64 (12 bytes, data at 4) and naturally aligned elsewhere (16 bytes, data at 8).
    private static readonly int s_eventSize = Epoll.IsPacked ? sizeof(Epoll.Event) : sizeof(Epoll.AlignedEvent);
    private static readonly int s_dataOffset = Epoll.IsPacked ? 4 : 8;

    private readonly int _epoll;
    private readonly int _wake;
    private readonly byte* _events;
    private readonly Lock _wakeGate = new();
    private bool _closed;

    public EpollSet()
    {
        _epoll = Epoll.Create(Epoll.CloseOnExec);
        _wake = Epoll.EventDescriptor(0, Epoll.CloseOnExec | Epoll.NonBlocking);
        if (_epoll < 0 || _wake < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            CloseQuietly(_epoll);
            CloseQuietly(_wake);
            throw new SocketException(error);
        }
        Epoll.Register(_epoll, Epoll.Add, _wake, Epoll.In, WakeData);
        _events = (byte*)NativeMemory.Alloc((nuint)(MaxEvents * s_eventSize));
    }

    /// <summary>True for the <see cref="Data"/> of the event <see cref="Wake"/> raised.</summary>
    public static bool IsWake(ulong data) => data == WakeData;

    /// <summary>Adds, changes or deletes <paramref name="descriptor"/>'s interest (epoll_ctl); <paramref name="data"/> comes back with its events (default: the descriptor).</summary>
    public int Register(int operation, int descriptor, uint events, ulong? data = null) =>
        Epoll.Register(_epoll, operation, descriptor, events, data);

    /// <summary>
    /// Waits for events, at most <paramref name="timeoutMilliseconds"/> (-1: no limit): how many there are, 0 when the
    /// wait was interrupted by a signal. Throws <see cref="SocketException"/> when epoll fails.
    /// </summary>
    public int Wait(int timeoutMilliseconds)
    {
        var count = Epoll.Wait(_epoll, _events, MaxEvents, timeoutMilliseconds);
        if (count >= 0)
        {
            return count;
        }
        var error = Marshal.GetLastPInvokeError();
        return error == Epoll.Interrupted ? 0 : throw new SocketException(error);
    }

    /// <summary>The epoll flags of the last wait's event <paramref name="index"/>.</summary>
    public uint Flags(int index) => *(uint*)(_events + (index * s_eventSize));

    /// <summary>The data registered with the descriptor of the last wait's event <paramref name="index"/>.</summary>
    public ulong Data(int index) => *(ulong*)(_events + (index * s_eventSize) + s_dataOffset);

    /// <summary>Wakes the loop from any thread; nothing once the set is closed.</summary>
    public void Wake()
    {
        // Under the lock: Dispose closes the descriptor, and a write after that could land on a descriptor number opened
        // again since.
        lock (_wakeGate)
        {
            if (!_closed)
            {
                ulong one = 1;
                _ = Epoll.Write(_wake, (byte*)&one, sizeof(ulong));
            }
        }
    }

    /// <summary>Takes the wakes counted so far, so that the wake descriptor is quiet until the next one.</summary>
    public void ClearWake()
    {
        ulong value;
        _ = Epoll.Read(_wake, (byte*)&value, sizeof(ulong));
    }

    public void Dispose()
    {
        lock (_wakeGate)
        {
            if (_closed)
            {
                return;
            }
            _closed = true;
            CloseQuietly(_wake);
        }
        CloseQuietly(_epoll);
        NativeMemory.Free(_events);
    }

    private static void CloseQuietly(int descriptor)
    {
        if (descriptor >= 0)
        {
            _ = Epoll.Close(descriptor);
        }
    }
}
