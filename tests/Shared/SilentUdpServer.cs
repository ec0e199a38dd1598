using System.Net;
using System.Net.Sockets;

namespace Sockit.Testing;

/// <summary>A UDP socket on loopback that reads queries and never answers: a DNS server that does not respond.</summary>
public sealed class SilentUdpServer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public SilentUdpServer() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public IPEndPoint EndPoint => (IPEndPoint)_socket.LocalEndPoint!;

    public void Dispose() => _socket.Dispose();
}
