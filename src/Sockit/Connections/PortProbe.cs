using System.Net;

namespace Sockit.Connections;

/// <summary>The answer of <see cref="Connector.ProbeAsync"/>: whether a port accepted a connection, and if not, why.</summary>
/// <param name="Host">The host as asked.</param>
/// <param name="Port">The port as asked.</param>
/// <param name="Open">True when the connection was accepted (and then closed at once).</param>
/// <param name="RemoteEndPoint">The address that accepted, when open.</param>
/// <param name="Failure">Why it is closed: refused, unreachable or timed out.</param>
/// <param name="Reason">The OS's words for the failure ("Connection refused").</param>
/// <param name="ErrorNumber">The OS's errno for the failure (111 for ECONNREFUSED on Linux), 0 when open: what Python's <c>connect_ex</c> returns.</param>
public sealed record PortProbe(string Host, int Port, bool Open, EndPoint? RemoteEndPoint, SockitFailure? Failure, string? Reason, int ErrorNumber = 0);
