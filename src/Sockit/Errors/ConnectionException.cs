using System.Net;

namespace Sockit.Connections;

/// <summary>
/// A connection could not be made or broke: refused, unreachable, timed out, reset, or (when listening) the address is
/// in use. <see cref="SockitException.Failure"/> says which; <see cref="Exception.InnerException"/> is the
/// <see cref="System.Net.Sockets.SocketException"/> the OS reported, when there was one.
/// </summary>
public sealed class ConnectionException : SockitException
{
    /// <summary>Creates the exception.</summary>
    public ConnectionException(SockitFailure failure, string message, Exception? innerException = null)
        : base(failure, message, innerException)
    {
    }

    /// <summary>The endpoints a connect tried, in order, when it failed on every address of a host; empty otherwise.</summary>
    internal IReadOnlyList<IPEndPoint> Tried { get; init; } = [];
}
