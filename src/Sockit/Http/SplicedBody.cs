using System.Net.Sockets;
using System.Runtime.InteropServices;
using Sockit.Interop.Linux;

namespace Sockit.Http;

/// <summary>
/// Moves a plain-http body from the socket to a file without reading it into the process: Linux's splice(2) through a
/// pipe, socket pages into the pipe and from the pipe into the file. A recv and a write copy every byte twice (kernel to
/// the buffer, buffer to the file); this copies it once into a file's page cache and not at all into /dev/null or a pipe.
/// Only where nothing needs the bytes in memory: the caller checks that no observer watches them. A destination that
/// cannot take spliced pages (a terminal, an O_APPEND file) is written the ordinary way and splicing stops there.
/// </summary>
internal sealed unsafe class SplicedBody : IDisposable
{
    /// <summary>What <see cref="Move"/> returns when the socket has nothing to read now.</summary>
    public const long Idle = -1;

    private const int PipeBytes = 1 << 20; // fewer calls a megabyte; the default 64 KiB pipe works too, at 16 times the calls
    private const int LowWater = 256 * 1024;

    private readonly Socket _socket;
    private readonly FileStream _file;
    private readonly SplicePipe _pipe;
    private int _lowWater = 1; // the socket's SO_RCVLOWAT, 1 by default
    private readonly int _socketDescriptor;
    private readonly int _fileDescriptor;

    private SplicedBody(Socket socket, FileStream file, SplicePipe pipe)
    {
        (_socket, _file, _pipe) = (socket, file, pipe);
        // Both outlive this splicer: the exchange owns the socket and the caller the file.
        _socketDescriptor = (int)socket.Handle;
        _fileDescriptor = (int)file.SafeFileHandle.DangerousGetHandle();
    }

    /// <summary>
    /// Waits until the socket has a good part of the <paramref name="left"/> bytes to come (or all of them, or its end),
    /// with a zero-byte receive, cancellable as every other wait of the exchange.
    /// </summary>
    public ValueTask<int> WaitAsync(long left, CancellationToken cancellationToken)
    {
        // SO_RCVLOWAT: the kernel wakes the reader only once this much has arrived, not for every segment, so one wake
        // and one splice move a quarter of a megabyte; never more than is left, or the last bytes would wait forever.
        var lowWater = (int)Math.Min(LowWater, left);
        if (lowWater != _lowWater)
        {
            _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveLowWater, lowWater);
            _lowWater = lowWater;
        }
        return _socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, cancellationToken);
    }

    /// <summary>
    /// Set when splicing ended: the peer closed the connection, the socket failed in a way the ordinary read reports, or
    /// the destination refused spliced pages. The caller then reads the rest the ordinary way.
    /// </summary>
    public bool Stopped { get; private set; }

    /// <summary>A splicer from <paramref name="connection"/> to <paramref name="body"/>, or null when the pair cannot splice (not Linux, not a socket, not a file).</summary>
    public static SplicedBody? TryCreate(Stream connection, Stream body)
    {
        if (!OperatingSystem.IsLinux() || connection is not NetworkStream { Socket: { } socket } || body is not FileStream { CanWrite: true } file)
        {
            return null;
        }
        return SplicePipe.TryCreate(PipeBytes) is { } pipe ? new SplicedBody(socket, file, pipe) : null;
    }

    /// <summary>
    /// Moves at most <paramref name="limit"/> bytes, what the socket holds now, into the file. Returns the bytes moved,
    /// <see cref="Idle"/> when the socket has none yet, or 0 when splicing <see cref="Stopped"/>. Throws
    /// <see cref="SocketException"/> when the connection failed and <see cref="IOException"/> when the file did.
    /// <paramref name="buffer"/> carries the bytes when the destination turns out not to take spliced pages.
    /// </summary>
    public long Move(long limit, byte[] buffer)
    {
        nint moved;
        do
        {
            moved = Splice.Run(_socketDescriptor, null, _pipe.WriteEnd, null, (nuint)Math.Min(limit, _pipe.Capacity), Splice.Move | Splice.NonBlocking);
        }
        while (moved < 0 && Marshal.GetLastPInvokeError() == Splice.Interrupted);
        if (moved < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            if (error == Splice.WouldBlock)
            {
                return Idle;
            }
            // The errors a receive reports, as the socket engine would; any other: let the ordinary receive find out.
            if (SocketErrorOf(error) is { } socketError)
            {
                throw new SocketException((int)socketError);
            }
            Stopped = true;
            return 0;
        }
        if (moved == 0)
        {
            Stopped = true; // the end of the stream: the ordinary read sees it too and says what it means for the body
            return 0;
        }
        Drain(moved, buffer);
        return moved;
    }

    // Empties the pipe into the file, at the FileStream's position when the file has one.
    private void Drain(nint count, byte[] buffer)
    {
        var seekable = _file.CanSeek;
        var offset = seekable ? _file.Position : 0;
        var left = count;
        while (left > 0)
        {
            var written = Splice.Run(_pipe.ReadEnd, null, _fileDescriptor, seekable ? &offset : null, (nuint)left, Splice.Move);
            if (written < 0)
            {
                var error = Marshal.GetLastPInvokeError();
                if (error == Splice.Interrupted)
                {
                    continue;
                }
                if (seekable)
                {
                    _file.Position = offset;
                }
                if (error == Splice.Invalid || error == 29 /* ESPIPE */)
                {
                    Stopped = true;
                    WriteOrdinarily(left, buffer);
                    return;
                }
                throw new IOException($"{Marshal.GetPInvokeErrorMessage(error)} : '{_file.Name}'", error);
            }
            left -= written;
        }
        if (seekable)
        {
            _file.Position = offset;
        }
    }

    // The destination refused spliced pages: what the pipe holds goes through the buffer and the FileStream.
    private void WriteOrdinarily(nint count, byte[] buffer)
    {
        while (count > 0)
        {
            var chunk = (int)Math.Min(count, buffer.Length);
            _pipe.TakeInto(buffer, chunk);
            _file.Write(buffer, 0, chunk);
            count -= chunk;
        }
    }

    private static SocketError? SocketErrorOf(int errno) => errno switch
    {
        104 => SocketError.ConnectionReset,       // ECONNRESET
        110 => SocketError.TimedOut,              // ETIMEDOUT
        103 => SocketError.ConnectionAborted,     // ECONNABORTED
        113 => SocketError.HostUnreachable,       // EHOSTUNREACH
        101 => SocketError.NetworkUnreachable,    // ENETUNREACH
        _ => null,
    };

    public void Dispose()
    {
        // The connection may serve another exchange: it reads byte by byte again.
        if (_lowWater != 1)
        {
            try
            {
                _socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReceiveLowWater, 1);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Closed or failed already: nothing will read it again.
            }
        }
        _pipe.Dispose();
    }
}
