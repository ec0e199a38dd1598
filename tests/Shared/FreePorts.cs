using System.Net;
using System.Net.Sockets;

namespace Sockit.Testing;

/// <summary>
/// Loopback ports nobody holds right now (bind port 0, read the port back, release it): for peers that cannot be told
/// to pick their own port, and for "nothing listens there" cases. Another process may take the port before it is
/// used; callers that start a peer on it retry.
/// </summary>
public static class FreePorts
{
    /// <summary>A port free right now on 127.0.0.1 for <paramref name="type"/> (TCP for stream, UDP for datagram).</summary>
    public static int Get(SocketType type = SocketType.Stream)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, type, type == SocketType.Stream ? ProtocolType.Tcp : ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    /// <summary>A port free right now on 127.0.0.1 for both UDP and TCP (a DNS server listens on both).</summary>
    public static int GetForUdpAndTcp()
    {
        while (true)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            try
            {
                using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException)
            {
                // Taken for TCP: try another.
            }
        }
    }
}
