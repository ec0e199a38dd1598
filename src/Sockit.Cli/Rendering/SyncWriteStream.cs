namespace Sockit.Cli.Rendering;

/// <summary>
/// Writes to a local file or standard stream synchronously even when asked asynchronously: a non-async FileStream's
/// WriteAsync hops to the thread pool for every write, which costs more than the write itself (as curl, write in place).
/// </summary>
internal sealed class SyncWriteStream(Stream inner) : SyncWriteOnlyStream
{
    public override void Flush() => inner.Flush();

    public override void Write(ReadOnlySpan<byte> buffer) => inner.Write(buffer);
}
