using System.Globalization;
using System.Net.Sockets;
using Sockit.Naming;
using Sockit.Sockets;

namespace Sockit;

public static partial class Py
{
    /// <summary><c>socket.gethostname()</c>.</summary>
    public static string GetHostName() => HostResolver.GetHostName();

    /// <summary><c>socket.gethostbyname(hostname)</c>: the first IPv4 address, as text.</summary>
    public static string GetHostByName(string hostname) => HostResolver.GetHostByName(hostname).ToString();

    /// <summary><c>socket.gethostbyname_ex(hostname)</c>: <c>(hostname, aliaslist, ipaddrlist)</c>; deconstructs as Python unpacks it.</summary>
    public static HostEntry GetHostByNameEx(string hostname) => HostResolver.GetHostByNameEx(hostname);

    /// <summary><c>socket.gethostbyaddr(ip_address)</c>: <c>(hostname, aliaslist, ipaddrlist)</c> for an address or a name's first address.</summary>
    public static HostEntry GetHostByAddr(string ipAddress) => HostResolver.GetHostByAddr(ipAddress);

    /// <summary><c>socket.getfqdn([name])</c>.</summary>
    public static string GetFqdn(string? name = null) => HostResolver.GetFullyQualifiedName(name);

    /// <summary><c>socket.getaddrinfo(host, port, family=0, type=0, proto=0, flags=0)</c> with the port as a service name or number text.</summary>
    public static IReadOnlyList<AddressInfo> GetAddrInfo(
        string? host, string? port, AddressFamily family = AddressFamily.Unspecified, SocketType? type = null,
        ProtocolType proto = ProtocolType.Unspecified, AddressInfoFlags flags = AddressInfoFlags.None) =>
        HostResolver.GetAddrInfo(host, port, family, type, proto, flags);

    /// <summary><c>socket.getaddrinfo(host, port, ...)</c> with a port number.</summary>
    public static IReadOnlyList<AddressInfo> GetAddrInfo(
        string? host, int port, AddressFamily family = AddressFamily.Unspecified, SocketType? type = null,
        ProtocolType proto = ProtocolType.Unspecified, AddressInfoFlags flags = AddressInfoFlags.None) =>
        HostResolver.GetAddrInfo(host, port.ToString(CultureInfo.InvariantCulture), family, type, proto, flags);

    /// <summary>
    /// <c>socket.socket(family=AF_INET, type=SOCK_STREAM, proto=0)</c>: a new socket, to dispose when done.
    /// <see cref="SocketDescription.Of"/> gives what Python's repr shows (<c>.family</c>, <c>.type</c>, <c>.proto</c>, <c>laddr</c>).
    /// </summary>
    public static Socket Socket(AddressFamily family = AddressFamily.InterNetwork, SocketType type = SocketType.Stream, ProtocolType proto = ProtocolType.Unspecified) =>
        SocketFactory.Create(family, type, proto);
}
