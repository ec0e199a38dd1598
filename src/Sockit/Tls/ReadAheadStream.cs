namespace Sockit.Tls;

/// <summary>
/// Reads the transport in large pieces for <see cref="System.Net.Security.SslStream"/>, which asks for a TLS record's
/// header and then its body, a few KiB at a time: without this, a 1 GiB download over TLS is 130,000 receive calls
/// (two for each 16 KiB record); with it, one for each 64 KiB the socket has ready. A read returns as soon as the
/// transport has anything, as the transport's own would, so nothing waits for the buffer to fill. Writes pass through.
/// </summary>
internal sealed class ReadAheadStream(Stream inner) : TransportStream(inner)
{
    private const int Size = 64 * 1024;
    private readonly byte[] _buffer = new byte[Size];
    private int _start;
    private int _end;

    public override int Read(Span<byte> buffer)
    {
        if (_start == _end && !buffer.IsEmpty)
        {
            _start = 0;
            _end = Inner.Read(_buffer);
        }
        return Take(buffer);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_start == _end && !buffer.IsEmpty)
        {
            _start = 0;
            _end = await Inner.ReadAsync(_buffer, cancellationToken).ConfigureAwait(false);
        }
        return Take(buffer.Span);
    }

    // What the last transport read brought, as much as fits; 0 only at the transport's end of stream.
    private int Take(Span<byte> buffer)
    {
        var count = Math.Min(buffer.Length, _end - _start);
        _buffer.AsSpan(_start, count).CopyTo(buffer);
        _start += count;
        return count;
    }
}
