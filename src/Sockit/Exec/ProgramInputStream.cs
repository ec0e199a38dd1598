namespace Sockit.Exec;

/// <summary>
/// The write end of a program's stdin, as the relay's output. Counts what it takes; once the program has closed its
/// stdin (or exited), writes fail with a broken pipe: from then on the peer's bytes have nowhere to go and are
/// discarded (counted), so the relay can still read the peer to its end-of-file instead of failing or leaving
/// unread bytes behind (closing a socket with unread bytes sends a reset, which can destroy the program's last
/// output on its way). A program that is alive but does not read makes the writes wait: nothing piles up here.
/// </summary>
internal sealed class ProgramInputStream(Stream stdin) : Stream
{
    private bool _broken;

    /// <summary>Bytes from the peer: written to the program, or discarded after its stdin closed.</summary>
    public long Count { get; private set; }

    /// <summary>Bytes discarded because the program no longer reads.</summary>
    public long Discarded { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Count += buffer.Length;
        if (!_broken)
        {
            try
            {
                await stdin.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (IOException)
            {
                // EPIPE: the program closed its stdin or exited.
                _broken = true;
            }
        }
        Discarded += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count).GetAwaiter().GetResult();

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            try
            {
                stdin.Dispose();
            }
            catch (IOException)
            {
                // The pipe was already broken.
            }
        }
        base.Dispose(disposing);
    }
}
