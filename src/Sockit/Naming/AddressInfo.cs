using System.Net;
using System.Net.Sockets;

namespace Sockit.Naming;

/// <summary>One getaddrinfo entry: Python's <c>(family, type, proto, canonname, sockaddr)</c>.</summary>
/// <param name="Family">The address family of <paramref name="EndPoint"/>.</param>
/// <param name="SocketType">The socket type this entry is for (getaddrinfo gives one entry per type when none was asked for).</param>
/// <param name="Protocol">The protocol (6 for TCP, 17 for UDP, 0 for raw).</param>
/// <param name="CanonicalName">The canonical name on the first entry when <see cref="AddressInfoFlags.CanonicalName"/> was asked for; otherwise empty.</param>
/// <param name="EndPoint">The socket address: IP address and port (IPv6: with its scope id).</param>
public sealed record AddressInfo(AddressFamily Family, SocketType SocketType, ProtocolType Protocol, string CanonicalName, IPEndPoint EndPoint)
{
    /// <summary>
    /// An IPv6 socket address's flow information (<c>sin6_flowinfo</c>, in host order: the third item of Python's
    /// <c>(host, port, flowinfo, scope_id)</c>), which <see cref="IPEndPoint"/> cannot hold; 0 for IPv4 and by default.
    /// </summary>
    public uint FlowInfo { get; init; }

    internal static AddressInfo From(Interop.OsAddressInfo entry) =>
        new(entry.Family, entry.SocketType, entry.Protocol, entry.CanonicalName, entry.EndPoint) { FlowInfo = entry.FlowInfo };
}
