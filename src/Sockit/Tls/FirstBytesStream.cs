namespace Sockit.Tls;

/// <summary>
/// Passes everything through to the transport and keeps the first bytes the peer sent, so that a failed handshake
/// can say what the peer answered instead (<c>HTTP/1.1 400</c>: a plain-HTTP server on the port).
/// </summary>
internal sealed class FirstBytesStream(Stream inner) : Stream
{
    private readonly byte[] _first = new byte[8];
    private int _firstLength;

    /// <summary>The first bytes received (up to 8).</summary>
    public ReadOnlySpan<byte> First => _first.AsSpan(0, _firstLength);

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Keep(inner.Read(buffer, offset, count), buffer.AsSpan(offset));

    public override int Read(Span<byte> buffer) => Keep(inner.Read(buffer), buffer);

    // Once the first bytes are kept (the handshake's start), reads go straight through: no state machine per TLS record.
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _firstLength == _first.Length ? inner.ReadAsync(buffer, cancellationToken) : KeepAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => inner.WriteAsync(buffer, offset, count, cancellationToken);

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }
        base.Dispose(disposing);
    }

    private async ValueTask<int> KeepAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        Keep(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false), buffer.Span);

    private int Keep(int received, ReadOnlySpan<byte> buffer)
    {
        if (_firstLength < _first.Length && received > 0)
        {
            var take = Math.Min(received, _first.Length - _firstLength);
            buffer[..take].CopyTo(_first.AsSpan(_firstLength));
            _firstLength += take;
        }
        return received;
    }
}
