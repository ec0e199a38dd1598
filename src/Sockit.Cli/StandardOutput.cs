using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Sockit.Cli;

/// <summary>
/// stdout as a stream that reports when it cannot be written, instead of .NET's console stream, which silently drops
/// writes to a pipe whose reader went away (EPIPE) and throws a stack trace on a closed descriptor. A write that fails
/// throws <see cref="OutputClosedException"/>, so a command stops at once (closing its sockets) and exits 74 with one
/// line, as curl stops with its write error.
/// </summary>
internal sealed class StandardOutput : SyncWriteOnlyStream
{
    private const int Descriptor = 1;
    private const int BadDescriptor = 9; // EBADF: closed, or open for reading only
    private readonly bool _writable;
    private FileStream? _file;

    private StandardOutput(bool writable) => _writable = writable;

    /// <summary>The process's stdout. Its state is read now, before sockit opens anything that could take descriptor 1.</summary>
    public static StandardOutput Open() => new(IsOpenForWriting());

    public override void Flush()
    {
        // Unbuffered: every write has reached the descriptor already.
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return;
        }
        try
        {
            if (OperatingSystem.IsWindows())
            {
                File().Write(buffer);
            }
            else if (!_writable)
            {
                throw OutputClosedException.Closed(null);
            }
            else
            {
                PosixOutput.WriteAll(Descriptor, buffer);
            }
        }
        catch (IOException e) when (e.HResult == BadDescriptor)
        {
            throw OutputClosedException.Closed(e);
        }
        catch (IOException e) when (e is not OutputClosedException)
        {
            throw OutputClosedException.From(e);
        }
        catch (UnauthorizedAccessException e)
        {
            // EBADF: the descriptor is closed, or open for reading only.
            throw OutputClosedException.Closed(e);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file?.Dispose();
        }
        base.Dispose(disposing);
    }

    // Windows only: there a FileStream is the way to the handle (see PosixOutput for why not elsewhere).
    private FileStream File()
    {
        if (!_writable)
        {
            throw OutputClosedException.Closed(null);
        }
        // Not owned: closing the stream must not close descriptor 1 (a later open would reuse it).
        return _file ??= new FileStream(new SafeFileHandle(Descriptor, ownsHandle: false), FileAccess.Write, bufferSize: 0);
    }

    // With stdout closed (>&-) the runtime reuses descriptor 1 for its own files before Main runs (a pipe's read end,
    // say), so "closed" shows as missing or open for reading only. Linux says which in /proc; elsewhere assume open.
    // Read with one handle and one read (fdinfo is a few short lines), not a StreamReader: this runs at every start.
    private static bool IsOpenForWriting()
    {
        const string FdInfo = "/proc/self/fdinfo/1";
        if (!OperatingSystem.IsLinux() || !Directory.Exists("/proc/self/fdinfo"))
        {
            return true;
        }
        Span<byte> text = stackalloc byte[512];
        try
        {
            using var handle = global::System.IO.File.OpenHandle(FdInfo, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            text = text[..RandomAccess.Read(handle, text, 0)];
        }
        catch (IOException)
        {
            return false;
        }
        foreach (var line in text.Split((byte)'\n'))
        {
            var field = text[line];
            if (field.StartsWith("flags:"u8))
            {
                // Octal open(2) flags; the low two bits are the access mode, 0 = O_RDONLY.
                var flags = Convert.ToInt32(Encoding.ASCII.GetString(field["flags:".Length..]).Trim(), 8);
                return (flags & 3) != 0;
            }
        }
        return true;
    }
}
