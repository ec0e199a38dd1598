using System.Net;

namespace Sockit.Forwarding;

/// <summary>
/// One thing that happened to one client of a <see cref="Forwarder"/>, raised at connect and close only (never per
/// chunk): who, to which target address, how many bytes each way, how long, and the failure if there was one.
/// </summary>
public sealed class ForwardEvent
{
    /// <summary>Creates an event; <see cref="Forwarder"/> raises them, tests and renderers build them by hand.</summary>
    public ForwardEvent(ForwardEventKind kind, EndPoint? client, string target)
    {
        Kind = kind;
        Client = client;
        Target = target;
    }

    /// <summary>What happened.</summary>
    public ForwardEventKind Kind { get; }

    /// <summary>The client's address (its path is empty for an unnamed Unix socket client); null for <see cref="ForwardEventKind.AcceptFailed"/>.</summary>
    public EndPoint? Client { get; }

    /// <summary>The target as given (<see cref="ForwardTarget.Name"/>).</summary>
    public string Target { get; }

    /// <summary>The address the client was connected to (Connected, Closed); null when not connected.</summary>
    public EndPoint? TargetAddress { get; init; }

    /// <summary>Bytes relayed from the client to the target (Closed).</summary>
    public long BytesUp { get; init; }

    /// <summary>Bytes relayed from the target to the client (Closed).</summary>
    public long BytesDown { get; init; }

    /// <summary>How long the client was served, from accept to close (Closed).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The failure (TargetFailed, HandshakeFailed, AcceptFailed; Closed when the relay ended by a reset or another failure).</summary>
    public SockitException? Failure { get; init; }

    /// <summary>Why sockit closed or rejected the client, in words (Rejected; Closed after the UDP idle timeout).</summary>
    public string? Detail { get; init; }
}
