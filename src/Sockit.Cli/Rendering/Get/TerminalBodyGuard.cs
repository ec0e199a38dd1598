namespace Sockit.Cli.Rendering;

/// <summary>
/// Stands between a body and a terminal: text goes through; from the first piece holding a NUL byte (binary, as curl
/// judges it) nothing more does, since binary bytes on a terminal can garble it (escape sequences) and help no one.
/// <see cref="Withheld"/> then says so, and the renderer prints one line on how to save the body instead.
/// </summary>
internal sealed class TerminalBodyGuard(Stream terminal) : SyncWriteOnlyStream
{
    /// <summary>True once a binary piece arrived: from then on nothing reaches the terminal.</summary>
    public bool Withheld { get; private set; }

    /// <summary>The bytes that did reach the terminal, before the first binary piece.</summary>
    public long Written { get; private set; }

    public override void Flush() => terminal.Flush();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Withheld |= buffer.Contains((byte)0);
        if (!Withheld)
        {
            terminal.Write(buffer);
            Written += buffer.Length;
        }
    }
}
