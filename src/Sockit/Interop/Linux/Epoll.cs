using System.Runtime.InteropServices;

namespace Sockit.Interop.Linux;

/// <summary>
/// Linux's epoll and the plain socket calls an event loop needs (accept4, recv, send, shutdown, close, eventfd), for
/// <see cref="EpollSet"/> and the loops over it (<see cref="Servers.EpollResponderLoop"/>, <see cref="Load.EpollLoadLoop"/>). LibraryImport: no runtime marshalling, AOT-safe.
/// </summary>
internal static unsafe partial class Epoll
{
    private const string Library = "libc";

    public const uint In = 0x001;
    public const uint Out = 0x004;
    public const uint Error = 0x008;
    public const uint HangUp = 0x010;
    public const uint ReadHangUp = 0x2000;
    public const uint EdgeTriggered = 1u << 31;

    public const int Add = 1;
    public const int Delete = 2;
    public const int Modify = 3;

    public const int CloseOnExec = 0x80000;   // EPOLL_CLOEXEC, SOCK_CLOEXEC, EFD_CLOEXEC
    public const int NonBlocking = 0x800;     // SOCK_NONBLOCK, EFD_NONBLOCK
    public const int NoSignal = 0x4000;       // MSG_NOSIGNAL: a peer gone is EPIPE, not SIGPIPE
    public const int ShutWrite = 1;           // SHUT_WR

    public const int Interrupted = 4;         // EINTR
    public const int WouldBlock = 11;         // EAGAIN
    public const int ConnectionAborted = 103; // ECONNABORTED
    public const int TooManyFiles = 24;       // EMFILE
    public const int TooManyFilesInSystem = 23; // ENFILE
    public const int NoBuffers = 105;         // ENOBUFS
    public const int NoMemory = 12;           // ENOMEM

    // struct epoll_event is packed on x86-64 (12 bytes) and naturally aligned (16 bytes) elsewhere.
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    public struct Event
    {
        public uint Events;
        public ulong Data;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct AlignedEvent
    {
        public uint Events;
        public ulong Data;
    }

    /// <summary>The size of struct epoll_event here: 12 on x86-64, 16 on the 64-bit ARM and others.</summary>
    public static readonly bool IsPacked = RuntimeInformation.ProcessArchitecture == Architecture.X64;

    [LibraryImport(Library, EntryPoint = "epoll_create1", SetLastError = true)]
    public static partial int Create(int flags);

    [LibraryImport(Library, EntryPoint = "epoll_ctl", SetLastError = true)]
    public static partial int Control(int epoll, int operation, int descriptor, void* ev);

    [LibraryImport(Library, EntryPoint = "epoll_wait", SetLastError = true)]
    public static partial int Wait(int epoll, void* events, int maxEvents, int timeoutMilliseconds);

    [LibraryImport(Library, EntryPoint = "accept4", SetLastError = true)]
    public static partial int Accept(int descriptor, byte* address, uint* addressLength, int flags);

    // recv and send run only on non-blocking descriptors, so they return within microseconds: without the GC
    // transition (a pair of thread-state switches a call) they cost what they cost a C program.
    [LibraryImport(Library, EntryPoint = "recv", SetLastError = true)]
    [SuppressGCTransition]
    public static partial nint Receive(int descriptor, byte* buffer, nuint length, int flags);

    [LibraryImport(Library, EntryPoint = "send", SetLastError = true)]
    [SuppressGCTransition]
    public static partial nint Send(int descriptor, byte* buffer, nuint length, int flags);

    [LibraryImport(Library, EntryPoint = "shutdown", SetLastError = true)]
    public static partial int Shutdown(int descriptor, int how);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int descriptor);

    [LibraryImport(Library, EntryPoint = "eventfd", SetLastError = true)]
    public static partial int EventDescriptor(uint initial, int flags);

    [LibraryImport(Library, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int descriptor, byte* buffer, nuint length);

    [LibraryImport(Library, EntryPoint = "setsockopt", SetLastError = true)]
    public static partial int SetSocketOption(int descriptor, int level, int name, void* value, uint length);

    /// <summary>Registers or changes <paramref name="descriptor"/>'s interest; <paramref name="data"/> comes back with its events (default: the descriptor).</summary>
    public static int Register(int epoll, int operation, int descriptor, uint events, ulong? data = null)
    {
        if (IsPacked)
        {
            var ev = new Event { Events = events, Data = data ?? (ulong)descriptor };
            return Control(epoll, operation, descriptor, &ev);
        }
        var aligned = new AlignedEvent { Events = events, Data = data ?? (ulong)descriptor };
        return Control(epoll, operation, descriptor, &aligned);
    }

    /// <summary>Turns Nagle off (TCP_NODELAY), as .NET does for every socket sockit makes: an answer leaves at once.</summary>
    public static void NoDelay(int descriptor)
    {
        var one = 1;
        _ = SetSocketOption(descriptor, 6 /* IPPROTO_TCP */, 1 /* TCP_NODELAY */, &one, sizeof(int));
    }

    [LibraryImport(Library, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int descriptor, byte* buffer, nuint length);
}
