namespace Sockit.Http;

/// <summary>
/// The connection an HTTP exchange runs on failed: refused, unreachable, reset, timed out, or another I/O error.
/// <see cref="SockitException.Failure"/> says which; the <see cref="System.Net.Sockets.SocketException"/> is the inner exception where there was one.
/// </summary>
public sealed class HttpConnectionException : SockitException
{
    /// <summary>Creates the exception.</summary>
    public HttpConnectionException(SockitFailure failure, string message, Exception? innerException = null)
        : base(failure, message, innerException)
    {
    }
}
