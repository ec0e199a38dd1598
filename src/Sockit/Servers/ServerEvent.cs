using System.Net;

namespace Sockit.Servers;

/// <summary>One client's event.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Peer">The client's address.</param>
/// <param name="Detail">Why, for failures.</param>
public sealed record ServerEvent(ServerEventKind Kind, EndPoint Peer, string? Detail = null);
