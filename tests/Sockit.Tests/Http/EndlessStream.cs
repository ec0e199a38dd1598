namespace Sockit.Tests.Http;

/// <summary>
/// A read-only stream that plays <c>prefix</c> once and then <c>pattern</c> forever, counting what it served: a
/// server that never stops sending, measured by bytes rather than by time.
/// </summary>
internal sealed class EndlessStream(byte[] prefix, byte[] pattern) : Stream
{
    private long _position;

    /// <summary>Every byte handed to the reader so far.</summary>
    public long BytesServed => _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++, _position++)
        {
            buffer[i] = _position < prefix.Length ? prefix[_position] : pattern[(_position - prefix.Length) % pattern.Length];
        }
        return buffer.Length;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
