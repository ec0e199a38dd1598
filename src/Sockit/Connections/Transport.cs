namespace Sockit.Connections;

/// <summary>Which kind of socket a connection or listener uses.</summary>
public enum Transport
{
    /// <summary>TCP (<c>SOCK_STREAM</c> over IPv4 or IPv6).</summary>
    Tcp,
    /// <summary>UDP (<c>SOCK_DGRAM</c> over IPv4 or IPv6): each send is one datagram.</summary>
    Udp,
    /// <summary>A Unix domain stream socket, named by a path.</summary>
    Unix,
}
