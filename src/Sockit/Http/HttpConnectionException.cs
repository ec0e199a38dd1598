namespace Sockit.Http;

/// <summary>
/// The connection an HTTP exchange runs on failed: refused, unreachable, reset, timed out, or another I/O error.
/// <see cref="SockitException.Failure"/> says which; the <see cref="System.Net.Sockets.SocketException"/> is the inner exception where there was one.
/// A failure to connect is the one <see cref="Connections.ConnectionException"/> the library's connect path
/// (<see cref="Connections.Connector"/>) raises, carried over with the same failure kind and socket error, in the URL's words.
/// </summary>
public sealed class HttpConnectionException : SockitException
{
    /// <summary>Creates the exception.</summary>
    public HttpConnectionException(SockitFailure failure, string message, Exception? innerException = null)
        : base(failure, message, innerException)
    {
    }
}
