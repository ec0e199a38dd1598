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

    /// <summary>The address family asked for.</summary>
    public AddressFamily Family { get; init; }

    /// <summary>The socket type asked for.</summary>
    public SocketType SocketType { get; init; }

    /// <summary>The protocol asked for (<see cref="ProtocolType.Unspecified"/>: the family's default).</summary>
    public ProtocolType Protocol { get; init; }
}
