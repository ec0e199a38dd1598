using System.Net.Sockets;

namespace Sockit.Sockets;

/// <summary>Creates sockets as <c>socket.socket(family, type, proto)</c> does, with the OS's refusal translated.</summary>
public static class SocketFactory
{
    /// <summary>Creates a socket; <c>socket.socket()</c> with no arguments is IPv4 TCP (protocol 0, the family's default).</summary>
    /// <exception cref="SocketCreationException">The OS refused: an unsupported combination, or no permission (raw sockets).</exception>
    public static Socket Create(AddressFamily family = AddressFamily.InterNetwork, SocketType type = SocketType.Stream, ProtocolType protocol = ProtocolType.Unspecified)
    {
        try
        {
            return new Socket(family, type, protocol);
        }
        catch (SocketException e)
        {
            var failure = e.SocketErrorCode is SocketError.AccessDenied ? SockitFailure.Unreachable : SockitFailure.Io;
            throw new SocketCreationException(
                $"cannot create a socket({SocketConstants.FamilyName(family) ?? family.ToString()}, {SocketConstants.SocketTypeName(type) ?? type.ToString()}, {(int)protocol}): {e.Message}",
                failure, e)
            {
                Family = family,
                SocketType = type,
                Protocol = protocol,
            };
        }
        catch (NotSupportedException e)
        {
            throw new SocketCreationException($"cannot create a socket of family {family}: {e.Message}", SockitFailure.Io, e)
            {
                Family = family,
                SocketType = type,
                Protocol = protocol,
            };
        }
    }
}
