namespace Sockit.Cli.Rendering;

/// <summary>
/// Stands between a body and a terminal: text goes through; from the first piece holding a NUL byte (binary, as curl
/// judges it) nothing more does, since binary bytes on a terminal can garble it (escape sequences) and help no one.
/// <see cref="Withheld"/> then says so, and the renderer prints one line on how to save the body instead.
/// </summary>
internal sealed class TerminalBodyGuard(Stream terminal) : Stream
{
    /// <summary>True once a binary piece arrived: from then on nothing reaches the terminal.</summary>
    public bool Withheld { get; private set; }

    /// <summary>The bytes that did reach the terminal, before the first binary piece.</summary>
    public long Written { get; private set; }

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Flush() => terminal.Flush();

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Withheld |= buffer.Contains((byte)0);
        if (!Withheld)
        {
            terminal.Write(buffer);
            Written += buffer.Length;
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        Write(buffer.AsSpan(offset, count));
        return Task.CompletedTask;
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
