using System.Runtime.InteropServices;

namespace Sockit.Interop.Linux;

/// <summary>
/// A pipe for splice(2) to move bytes through without copying them into the process (the kernel hands page references
/// across): a socket's bytes into it, and out of it to a file (<see cref="Http.SplicedBody"/>) or back to the socket
/// (the echo loop, <see cref="Servers.EpollResponderLoop"/>).
/// </summary>
internal sealed unsafe class SplicePipe : IDisposable
{
    private SplicePipe(int readEnd, int writeEnd, int capacity)
    {
        (ReadEnd, WriteEnd, Capacity) = (readEnd, writeEnd, capacity);
    }

    public int ReadEnd { get; }

    public int WriteEnd { get; }

    /// <summary>The pipe's size: the most bytes it holds.</summary>
    public int Capacity { get; }

    /// <summary>A pipe of <paramref name="wantedCapacity"/> bytes where the system allows it (else its default 64 KiB), or null where it gives none.</summary>
    public static SplicePipe? TryCreate(int wantedCapacity)
    {
        var ends = stackalloc int[2];
        if (Splice.Pipe(ends, Splice.CloseOnExec) != 0)
        {
            return null;
        }
        // Raising the size can fail (/proc/sys/fs/pipe-max-size, or the user's pipe memory, pipe-user-pages-soft).
        var capacity = Splice.Control(ends[1], Splice.SetPipeSize, wantedCapacity);
        return new SplicePipe(ends[0], ends[1], capacity > 0 ? capacity : 64 * 1024);
    }

    /// <summary>
    /// Moves what the non-blocking <paramref name="socket"/> holds, up to <paramref name="length"/> (at most
    /// <see cref="Capacity"/>), into the pipe: bytes moved, 0 at the peer's end, -1 with errno (EAGAIN: nothing now).
    /// </summary>
    public nint FillFrom(int socket, int length) =>
        Splice.RunNow(socket, null, WriteEnd, null, (nuint)Math.Min(length, Capacity), Splice.Move | Splice.NonBlocking);

    /// <summary>Moves up to <paramref name="length"/> bytes from the pipe to the non-blocking <paramref name="socket"/>: bytes moved, or -1 with errno.</summary>
    public nint DrainTo(int socket, nint length) =>
        Splice.RunNow(ReadEnd, null, socket, null, (nuint)length, Splice.Move | Splice.NonBlocking);

    /// <summary>Reads exactly <paramref name="length"/> bytes the pipe is known to hold into <paramref name="destination"/>.</summary>
    public void TakeInto(Span<byte> destination, int length)
    {
        fixed (byte* start = destination)
        {
            var taken = 0;
            while (taken < length)
            {
                var n = Splice.ReadNow(ReadEnd, start + taken, (nuint)(length - taken));
                if (n < 0 && Marshal.GetLastPInvokeError() == Splice.Interrupted)
                {
                    continue;
                }
                if (n <= 0)
                {
                    // The bytes were counted into the pipe a moment ago: failing to read them back is a broken
                    // invariant, and whoever uses the pipe must not go on with it in an unknown state.
                    throw new IOException($"the splice pipe gave back {taken} of {length} bytes: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
                }
                taken += (int)n;
            }
        }
    }

    public void Dispose()
    {
        _ = Splice.Close(ReadEnd);
        _ = Splice.Close(WriteEnd);
    }
}
