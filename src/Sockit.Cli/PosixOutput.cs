using System.Runtime.InteropServices;

namespace Sockit.Cli;

/// <summary>
/// write(2) on a descriptor, all of the bytes, at the descriptor's own offset. stdout is written this way on Linux and
/// macOS rather than through a FileStream: on a regular file a FileStream writes at an offset it keeps itself (pwrite)
/// and leaves the descriptor's shared offset where it was, so whatever the shell wrote to the same file after sockit
/// (<c>{ sockit service ssh; echo done; } &gt; log</c>) landed on top of sockit's output.
/// </summary>
internal static unsafe partial class PosixOutput
{
    private const int Interrupted = 4;     // EINTR
    private const int WouldBlock = 11;     // EAGAIN on Linux
    private const int WouldBlockMac = 35;  // EAGAIN on macOS
    private const short PollOut = 0x4;     // POLLOUT

    [StructLayout(LayoutKind.Sequential)]
    private struct PollDescriptor
    {
        public int Descriptor;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static partial nint Write(int descriptor, byte* buffer, nuint length);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int Poll(PollDescriptor* descriptors, nuint count, int timeoutMilliseconds);

    /// <summary>Writes every byte of <paramref name="bytes"/>; throws <see cref="IOException"/> with the errno as its HResult when the descriptor fails.</summary>
    public static void WriteAll(int descriptor, ReadOnlySpan<byte> bytes)
    {
        fixed (byte* start = bytes)
        {
            var done = 0;
            while (done < bytes.Length)
            {
                var written = Write(descriptor, start + done, (nuint)(bytes.Length - done));
                if (written >= 0)
                {
                    done += (int)written;
                    continue;
                }
                var error = Marshal.GetLastPInvokeError();
                if (error == Interrupted)
                {
                    continue;
                }
                if (error is WouldBlock or WouldBlockMac)
                {
                    // A descriptor somebody else made non-blocking (a shared pipe): wait until it takes more.
                    var wait = new PollDescriptor { Descriptor = descriptor, Events = PollOut };
                    _ = Poll(&wait, 1, -1);
                    continue;
                }
                throw new IOException(Marshal.GetPInvokeErrorMessage(error), error);
            }
        }
    }
}
