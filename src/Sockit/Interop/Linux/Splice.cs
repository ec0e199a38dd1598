using System.Runtime.InteropServices;

namespace Sockit.Interop.Linux;

/// <summary>
/// Linux's splice(2) and the pipe it moves pages through (<see cref="SplicePipe"/>), for <see cref="Http.SplicedBody"/> and the echo loop. LibraryImport: no runtime
/// marshalling, AOT-safe.
/// </summary>
internal static unsafe partial class Splice
{
    private const string Library = "libc";

    public const uint Move = 0x1;         // SPLICE_F_MOVE: move pages instead of copying, where the kernel can
    public const uint NonBlocking = 0x2;  // SPLICE_F_NONBLOCK: EAGAIN instead of waiting for the socket
    public const int CloseOnExec = 0x80000; // O_CLOEXEC for pipe2
    public const int SetPipeSize = 1031;  // F_SETPIPE_SZ

    public const int Interrupted = 4;     // EINTR
    public const int WouldBlock = 11;     // EAGAIN
    public const int Invalid = 22;        // EINVAL: the destination cannot take spliced pages (a terminal, an O_APPEND file)

    [LibraryImport(Library, EntryPoint = "splice", SetLastError = true)]
    public static partial nint Run(int input, long* inputOffset, int output, long* outputOffset, nuint length, uint flags);

    // splice and read for calls that cannot wait: an event loop's, whose descriptors are non-blocking at both ends, and
    // reads of bytes a pipe is known to hold. They return within microseconds, so they go without the GC transition (a
    // pair of thread-state switches a call). Never for a file or a blocking wait, which can hold the call up while a
    // garbage collection waits for it.
    [LibraryImport(Library, EntryPoint = "splice", SetLastError = true)]
    [SuppressGCTransition]
    public static partial nint RunNow(int input, long* inputOffset, int output, long* outputOffset, nuint length, uint flags);

    [LibraryImport(Library, EntryPoint = "read", SetLastError = true)]
    [SuppressGCTransition]
    public static partial nint ReadNow(int descriptor, byte* buffer, nuint length);

    [LibraryImport(Library, EntryPoint = "pipe2", SetLastError = true)]
    public static partial int Pipe(int* descriptors, int flags);

    [LibraryImport(Library, EntryPoint = "fcntl", SetLastError = true)]
    public static partial int Control(int descriptor, int command, int argument);

    [LibraryImport(Library, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int descriptor);
}
