using System.Net;

namespace Sockit.Servers;

/// <summary>One client's event.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Peer">The client's address.</param>
/// <param name="Detail">Why, for failures.</param>
public sealed record ServerEvent(ServerEventKind Kind, EndPoint Peer, string? Detail = null)
{
    /// <summary>Bytes received from the client in all, when its connection has ended (closed, idle, failed); else null.</summary>
    public long? BytesReceived { get; init; }

    /// <summary>Bytes sent to the client in all, answers and broadcasts, when its connection has ended; else null.</summary>
    public long? BytesSent { get; init; }
}
