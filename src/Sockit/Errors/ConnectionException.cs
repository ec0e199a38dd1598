using System.Net;

namespace Sockit.Connections;

/// <summary>
/// A connection could not be made or broke: refused, unreachable, timed out, reset, or (when listening) the address is
/// in use. <see cref="SockitException.Failure"/> says which and <see cref="Phase"/> when;
/// <see cref="SockitException.SocketError"/> is the OS's error code, from the
/// <see cref="System.Net.Sockets.SocketException"/> that is the <see cref="Exception.InnerException"/> when there was one.
/// The other properties are the facts behind the message, for callers that branch or report in their own words;
/// each is null (or empty) where it does not apply.
/// </summary>
public sealed class ConnectionException : SockitException
{
    /// <summary>Creates the exception.</summary>
    public ConnectionException(SockitFailure failure, string message, Exception? innerException = null)
        : base(failure, message, innerException)
    {
    }

    /// <summary>What the connection was doing when it failed.</summary>
    public ConnectionPhase Phase { get; init; } = ConnectionPhase.Connect;

    /// <summary>The host (a name or a literal address) as the caller gave it, or the address bound to; null for a Unix socket.</summary>
    public string? Host { get; init; }

    /// <summary>The port connected to or bound; null for a Unix socket, or when no port was involved.</summary>
    public int? Port { get; init; }

    /// <summary>The Unix domain socket's path, for a Unix socket; null otherwise.</summary>
    public string? Path { get; init; }

    /// <summary>The endpoints a connect tried, in order, when it failed on every address of a host; empty otherwise.</summary>
    public IReadOnlyList<IPEndPoint> Tried { get; init; } = [];

    /// <summary>The time limit that ran out, for a <see cref="SockitFailure.TimedOut"/> failure the library timed itself; null otherwise.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The bytes sent before the peer closed or reset the connection, where they were counted (a relay's input); null otherwise.</summary>
    public long? BytesSent { get; init; }
}
