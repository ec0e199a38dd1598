namespace Sockit.Servers;

/// <summary>What happened to a client of a <see cref="Server"/>.</summary>
public enum ServerEventKind
{
    /// <summary>A client connected (TCP, Unix) or a new peer sent its first datagram (UDP).</summary>
    Connected,
    /// <summary>A client's connection ended.</summary>
    Closed,
    /// <summary>A client was turned away because <see cref="ServerOptions.MaxClients"/> were already connected.</summary>
    Rejected,
    /// <summary>A client was closed because it sent nothing for <see cref="ServerOptions.IdleTimeout"/>.</summary>
    IdleTimedOut,
    /// <summary>A client's connection failed (reset by the peer, say); <see cref="ServerEvent.Detail"/> says why.</summary>
    Failed,
    /// <summary>
    /// Accepting stopped for want of file descriptors (EMFILE/ENFILE): the server retries with a growing pause (50 ms up
    /// to 1 s) instead of spinning, and waiting clients stay in the backlog. Raised once per pause, with the listener's
    /// address as <see cref="ServerEvent.Peer"/> and the OS's reason as <see cref="ServerEvent.Detail"/>.
    /// </summary>
    AcceptPaused,
    /// <summary>An accept succeeded again after <see cref="AcceptPaused"/>; <see cref="ServerEvent.Peer"/> is the listener's address.</summary>
    AcceptResumed,
}
