using System.Net.Sockets;

namespace Sockit.Sockets;

/// <summary>The OS would not create a socket; <see cref="Exception.InnerException"/> is the <see cref="SocketException"/>.</summary>
public sealed class SocketCreationException : SockitException
{
    /// <summary>Creates the exception.</summary>
    public SocketCreationException(string message, SockitFailure failure, Exception? innerException = null)
        : base(failure, message, innerException)
    {
    }
}
