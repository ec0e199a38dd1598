namespace Sockit.Exec;

/// <summary>The read end of a program's stdout, as the relay's input: counts what it gives and says when it ends.</summary>
internal sealed class ProgramOutputStream(Stream stdout, Action ended) : Stream
{
    /// <summary>Bytes the program wrote.</summary>
    public long Count { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await stdout.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Count += n;
        if (n == 0 && buffer.Length > 0)
        {
            ended();
        }
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            stdout.Dispose();
        }
        base.Dispose(disposing);
    }
}
