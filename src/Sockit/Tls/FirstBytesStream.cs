namespace Sockit.Tls;

/// <summary>
/// Passes everything through to the transport and keeps the first bytes the peer sent, so that a failed handshake
/// can say what the peer answered instead (<c>HTTP/1.1 400</c>: a plain-HTTP server on the port).
/// </summary>
internal sealed class FirstBytesStream(Stream inner) : TransportStream(inner)
{
    private readonly byte[] _first = new byte[8];
    private int _firstLength;

    /// <summary>The first bytes received (up to 8).</summary>
    public ReadOnlySpan<byte> First => _first.AsSpan(0, _firstLength);

    public override int Read(Span<byte> buffer) => Keep(Inner.Read(buffer), buffer);

    // Once the first bytes are kept (the handshake's start), reads go straight through: no state machine per TLS record.
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _firstLength == _first.Length ? Inner.ReadAsync(buffer, cancellationToken) : KeepAsync(buffer, cancellationToken);

    private async ValueTask<int> KeepAsync(Memory<byte> buffer, CancellationToken cancellationToken) =>
        Keep(await Inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false), buffer.Span);

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
