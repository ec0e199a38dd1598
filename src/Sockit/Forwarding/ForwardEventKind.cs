namespace Sockit.Forwarding;

/// <summary>What happened to one of a <see cref="Forwarder"/>'s clients (see <see cref="ForwardEvent"/>).</summary>
public enum ForwardEventKind
{
    /// <summary>A client was connected to the target (UDP: a new client was heard from); the relay starts.</summary>
    Connected,
    /// <summary>A client's relay ended (both directions done, a failure, or for UDP the idle timeout); the byte counts are final.</summary>
    Closed,
    /// <summary>The target could not be reached for a client (refused, not found, timed out, TLS not trusted); the client was closed.</summary>
    TargetFailed,
    /// <summary>A client's TLS handshake failed (a TLS listener); the client was closed.</summary>
    HandshakeFailed,
    /// <summary>A client came while the maximum number of clients was being served; it was closed (UDP: its datagram dropped).</summary>
    Rejected,
    /// <summary>Accepting failed (for example, out of file descriptors); the forwarder waits a moment and accepts again.</summary>
    AcceptFailed,
}
