using System.Runtime.InteropServices;
using Sockit.Interop.Linux;

namespace Sockit.Servers;

/// <summary>
/// The echo loop's one pipe, through which <c>splice(2)</c> moves a client's bytes from its socket back to it without
/// copying them into the process and out again (the kernel hands page references across). It is empty between
/// messages: whatever the client does not take at once is read out of it into the client's own pending buffer.
/// </summary>
internal sealed unsafe class SplicePipe : IDisposable
{
    private const int WantedCapacity = 256 * 1024;

    private readonly int _read;
    private readonly int _write;

    private SplicePipe(int read, int write, int capacity)
    {
        _read = read;
        _write = write;
        Capacity = capacity;
    }

    /// <summary>The most bytes one fill takes: the pipe's size.</summary>
    public int Capacity { get; }

    /// <summary>A non-blocking pipe as large as the loop's buffer or more, or null where the system gives none.</summary>
    public static SplicePipe? TryCreate()
    {
        var descriptors = stackalloc int[2];
        if (Epoll.Pipe(descriptors, Epoll.NonBlocking | Epoll.CloseOnExec) != 0)
        {
            return null;
        }
        // Raising the size can fail (a user's pipe memory is capped: /proc/sys/fs/pipe-user-pages-soft); the default
        // 64 KiB still works, a fill just takes less.
        var capacity = Epoll.Control(descriptors[1], Epoll.SetPipeSize, WantedCapacity);
        if (capacity <= 0)
        {
            capacity = 64 * 1024;
        }
        return new SplicePipe(descriptors[0], descriptors[1], capacity);
    }

    /// <summary>Moves what <paramref name="socket"/> holds, up to <paramref name="length"/> (at most <see cref="Capacity"/>), into the pipe: bytes moved, 0 at the client's end, -1 with errno.</summary>
    public nint FillFrom(int socket, int length) =>
        Epoll.Splice(socket, null, _write, null, (nuint)Math.Min(length, Capacity), Epoll.SpliceMove | Epoll.SpliceNonBlocking);

    /// <summary>Moves up to <paramref name="length"/> bytes from the pipe to <paramref name="socket"/>: bytes moved, or -1 with errno.</summary>
    public nint DrainTo(int socket, nint length) =>
        Epoll.Splice(_read, null, socket, null, (nuint)length, Epoll.SpliceMove | Epoll.SpliceNonBlocking);

    /// <summary>Reads exactly <paramref name="length"/> bytes the pipe holds into <paramref name="destination"/> (empties it of them).</summary>
    public void TakeInto(Span<byte> destination, int length)
    {
        fixed (byte* start = destination)
        {
            var taken = 0;
            while (taken < length)
            {
                var n = Epoll.Read(_read, start + taken, (nuint)(length - taken));
                if (n <= 0)
                {
                    var error = Marshal.GetLastPInvokeError();
                    if (n < 0 && error == Epoll.Interrupted)
                    {
                        continue;
                    }
                    // The bytes were counted into the pipe a moment ago: failing to read them back is a broken
                    // invariant, not a client's doing, and the loop must not go on with a pipe in an unknown state.
                    throw new InvalidOperationException($"the echo pipe gave back {taken} of {length} bytes");
                }
                taken += (int)n;
            }
        }
    }

    public void Dispose()
    {
        _ = Epoll.Close(_read);
        _ = Epoll.Close(_write);
    }
}
