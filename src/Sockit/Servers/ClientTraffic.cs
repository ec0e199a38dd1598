namespace Sockit.Servers;

/// <summary>The bytes one client of a <see cref="Server"/> has sent and been sent, for its <see cref="ServerEvent"/> at the end.</summary>
internal sealed class ClientTraffic
{
    /// <summary>Bytes received from the client; written by its own loop only.</summary>
    public long Received;

    /// <summary>Bytes sent to the client: its answers and broadcasts (added with <see cref="Interlocked"/>).</summary>
    public long Sent;
}
