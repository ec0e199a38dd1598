using System.Net;
using System.Net.Sockets;
using Sockit.Interop;

namespace Sockit.Sockets;

/// <summary>What Python's socket repr shows: the descriptor, family, type, protocol, and local and remote addresses.</summary>
/// <param name="Descriptor">The OS's file descriptor (a SOCKET handle on Windows).</param>
/// <param name="Family">The address family.</param>
/// <param name="SocketType">The socket type.</param>
/// <param name="Protocol">The protocol the socket was created with (0: the family's default).</param>
/// <param name="LocalEndPoint">What getsockname reports (an unbound IP socket reports the wildcard address and port 0); null for an unnamed Unix socket.</param>
/// <param name="RemoteEndPoint">What getpeername reports; null when not connected.</param>
public sealed record SocketDescription(long Descriptor, AddressFamily Family, SocketType SocketType, ProtocolType Protocol, EndPoint? LocalEndPoint, EndPoint? RemoteEndPoint)
{
    /// <summary>Describes <paramref name="socket"/> as the OS sees it now (unlike <see cref="Socket.LocalEndPoint"/>, which is null until bound).</summary>
    public static SocketDescription Of(Socket socket)
    {
        ArgumentNullException.ThrowIfNull(socket);
        var platform = SocketPlatform.Current;
        return new SocketDescription(
            socket.SafeHandle.DangerousGetHandle(),
            socket.AddressFamily,
            socket.SocketType,
            socket.ProtocolType,
            platform.GetSocketAddress(socket, remote: false),
            platform.GetSocketAddress(socket, remote: true));
    }

    /// <summary>The OS's number for <see cref="Family"/> (<c>AF_INET6</c> is 10 on Linux).</summary>
    public int OsFamily => SocketConstants.ToOsNumber(Family);
}
