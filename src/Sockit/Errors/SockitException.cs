using System.Net.Sockets;

namespace Sockit;

/// <summary>
/// The base of sockit's expected failures: each carries a <see cref="SockitFailure"/> kind and, where the OS
/// reported one, the <see cref="System.Net.Sockets.SocketException"/> as <see cref="Exception.InnerException"/>.
/// Misuse (a null or out-of-range argument) throws the plain argument exceptions instead.
/// </summary>
public abstract class SockitException : Exception
{
    /// <summary>Creates the exception.</summary>
    protected SockitException(SockitFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>What kind of failure this is.</summary>
    public SockitFailure Failure { get; }

    /// <summary>The OS's error code, when the failure came from a socket call (the inner <see cref="SocketException"/>'s).</summary>
    public SocketError? SocketError => (InnerException as SocketException)?.SocketErrorCode;
}
