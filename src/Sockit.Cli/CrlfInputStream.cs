namespace Sockit.Cli;

/// <summary>
/// stdin with CRLF line ends, as ncat's <c>-C</c> sends it: each LF not right after a CR becomes CR LF; a CR LF already
/// there, and a lone CR, pass unchanged. A CR at the end of one read still counts for an LF at the start of the next,
/// as ncat 7.93 does (checked byte for byte against it in NetcatFlagsParityTests).
/// </summary>
internal sealed class CrlfInputStream(Stream inner) : Stream
{
    private bool _afterCr;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var half = new byte[Math.Max(1, buffer.Length / 2)];
        var n = inner.Read(half);
        return Translate(half.AsSpan(0, n), buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Read at most half the room: each byte may become two.
        var half = buffer.Length / 2;
        if (half == 0)
        {
            throw new ArgumentException("the buffer must hold at least 2 bytes", nameof(buffer));
        }
        var n = await inner.ReadAsync(buffer[half..(2 * half)], cancellationToken).ConfigureAwait(false);
        // Translate from the upper half into the start: the output never overtakes the input still to be read.
        return Translate(buffer.Span.Slice(half, n), buffer.Span);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Translate(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        var written = 0;
        foreach (var b in source)
        {
            if (b == (byte)'\n' && !_afterCr)
            {
                destination[written++] = (byte)'\r';
            }
            destination[written++] = b;
            _afterCr = b == (byte)'\r';
        }
        return written;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
