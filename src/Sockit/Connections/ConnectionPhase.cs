namespace Sockit.Connections;

/// <summary>What a connection was doing when it failed (<see cref="ConnectionException.Phase"/>).</summary>
public enum ConnectionPhase
{
    /// <summary>Looking up the host's addresses before connecting (an HTTP exchange's timeout can run out here).</summary>
    Resolve,
    /// <summary>Connecting: the handshake with the peer, or with a Unix socket's server.</summary>
    Connect,
    /// <summary>Binding and listening on a local address, port or path.</summary>
    Bind,
    /// <summary>Accepting a connection on a listening socket.</summary>
    Accept,
    /// <summary>Sending bytes (or a datagram) to the peer.</summary>
    Send,
    /// <summary>Receiving bytes (or a datagram) from the peer.</summary>
    Receive,
    /// <summary>Relaying both ways at once: a relay's idle timeout ran out with no byte moving either way.</summary>
    Transfer,
}
