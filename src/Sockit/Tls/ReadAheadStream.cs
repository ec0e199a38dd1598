namespace Sockit.Tls;

/// <summary>
/// Reads the transport in large pieces for <see cref="System.Net.Security.SslStream"/>, which asks for a TLS record's
/// header and then its body, a few KiB at a time: without this, a 1 GiB download over TLS is 130,000 receive calls
/// (two for each 16 KiB record); with it, one for each 64 KiB the socket has ready. A read returns as soon as the
/// transport has anything, as the transport's own would, so nothing waits for the buffer to fill. Writes pass through.
/// The buffer is rented only while it holds bytes, and a zero-byte read (SslStream's, when its reader waits with one)
/// goes through to the transport: an idle connection holds no buffer here.
/// </summary>
internal sealed class ReadAheadStream(Stream inner) : TransportStream(inner)
{
    private const int Size = 64 * 1024;
    private byte[]? _buffer;
    private int _start;
    private int _end;

    public override int Read(Span<byte> buffer)
    {
        if (_start == _end)
        {
            if (buffer.IsEmpty)
            {
                return Inner.Read(buffer);
            }
            _buffer ??= System.Buffers.ArrayPool<byte>.Shared.Rent(Size);
            _start = 0;
            _end = Inner.Read(_buffer.AsSpan(0, Size));
        }
        return Take(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_start == _end)
        {
            if (buffer.IsEmpty)
            {
                // Wait for the transport to have something, without a buffer.
                return await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            }
            _buffer ??= System.Buffers.ArrayPool<byte>.Shared.Rent(Size);
            _start = 0;
            _end = await Inner.ReadAsync(_buffer.AsMemory(0, Size), cancellationToken).ConfigureAwait(false);
        }
        return Take(buffer.Span);
    }

    // What the last transport read brought, as much as fits; 0 only at the transport's end of stream. The buffer goes back
    // to the pool once emptied (here, on the reading side: never under a read still pending, as disposing could).
    private int Take(Span<byte> buffer)
    {
        if (_buffer is null)
        {
            return 0;
        }
        var count = Math.Min(buffer.Length, _end - _start);
        _buffer.AsSpan(_start, count).CopyTo(buffer);
        _start += count;
        if (_start == _end)
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = null;
        }
        return count;
    }
}
