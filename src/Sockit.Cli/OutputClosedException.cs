namespace Sockit.Cli;

/// <summary>stdout cannot be written: its reader went away (a broken pipe, as <c>| head</c> does) or it is closed.</summary>
internal sealed class OutputClosedException : IOException
{
    private const int BrokenPipe = 32; // EPIPE on Linux, and the HResult .NET gives the IOException it raises for it

    private OutputClosedException(string message, Exception? inner) : base(message, inner)
    {
    }

    public static OutputClosedException From(IOException e) => e.HResult == BrokenPipe || e.Message.Contains("pipe", StringComparison.OrdinalIgnoreCase)
        ? new("cannot write to stdout: broken pipe, its reader went away (sockit stopped there)", e)
        : new($"cannot write to stdout: {e.Message} (check where the output goes: the disk, the pipe)", e);

    public static OutputClosedException Closed(Exception? inner) =>
        new("cannot write to stdout: it is closed (give sockit an output, such as >/dev/null)", inner);
}
