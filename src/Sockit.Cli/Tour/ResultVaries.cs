namespace Sockit.Cli.Tour;

/// <summary>What may differ by nature between sockit's result and python3's, two processes on one machine.</summary>
[Flags]
internal enum ResultVaries
{
    /// <summary>Nothing: the two must be equal.</summary>
    Nothing = 0,

    /// <summary>A socket's descriptor number (<c>fd=N</c>): each process numbers its own.</summary>
    Descriptor = 1,

    /// <summary>Port numbers: each process's sockets get their own ephemeral ports.</summary>
    Port = 2,

    /// <summary>An HTTP Date header field: two responses are made at two moments.</summary>
    Date = 4,
}
