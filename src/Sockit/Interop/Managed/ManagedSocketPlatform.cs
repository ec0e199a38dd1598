using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Sockit.Services;

namespace Sockit.Interop.Managed;

/// <summary>
/// The portable platform: .NET's own resolver (<see cref="Dns"/>), the services database (the OS's services file, or
/// the embedded copy) and .NET's numbers, for where glibc is not (macOS, Windows, Linux on musl), or when chosen
/// (<see cref="SocketPlatform"/>). It answers what glibc answers where it can, and cannot say:
/// <list type="bullet">
/// <item>getaddrinfo for a name asks <see cref="Dns"/>, which passes no service, type, protocol or flags to the OS:
/// the entries per socket type, the ports and the <c>AI_</c> flags are synthesised here after glibc's rules
/// (<see cref="ManagedAddressInfo"/>); <c>AI_ADDRCONFIG</c> goes by .NET's view of the interfaces, and IPv6 flow
/// information is always 0.</item>
/// <item>For this machine's own name, .NET adds the machine's interface addresses to what the hosts file or DNS
/// says (as Windows does), so the portable path lists them too.</item>
/// <item>Each address is listed once (.NET drops repeats: a hosts file with <c>127.0.0.1 localhost</c> and
/// <c>::1 localhost</c> gives glibc 127.0.0.1 twice for IPv4).</item>
/// <item>The canonical name is the one .NET reports (<see cref="IPHostEntry.HostName"/>); aliases are always empty
/// (gethostbyname_ex's and gethostbyaddr's alias lists), and gethostbyaddr lists only the address asked about.</item>
/// <item>Failure reasons for names are .NET's text (<c>Name or service not known</c> on Linux, other words elsewhere),
/// where glibc would sometimes be more precise (<c>Address family for hostname not supported</c>, <c>Unknown host</c>).</item>
/// <item>Constants are numbered as .NET numbers them (<see cref="AddressFamily.InterNetworkV6"/> is 23, Windows'
/// number, not Linux's 10 or macOS's 30), and only the families .NET's sockets name portably are listed.</item>
/// </list>
/// </summary>
internal sealed class ManagedSocketPlatform(ServicesDatabase? services = null) : ISocketPlatform
{
    private static readonly OsConstantTable s_constants = ManagedConstants.Build();

    // The families .NET's sockets support on every OS; their numbers are .NET's.
    private static readonly AddressFamily[] s_families =
        [AddressFamily.Unspecified, AddressFamily.Unix, AddressFamily.InterNetwork, AddressFamily.InterNetworkV6];

    public OsConstantTable Constants => s_constants;

    public string GetHostName() => Dns.GetHostName();

    public IReadOnlyList<OsAddressInfo> GetAddrInfo(string? host, string? service, int family, int type, int protocol, int flags) =>
        ManagedAddressInfo.Resolve(host, service, FromOsFamily(family), type, protocol, flags, FindPort);

    public OsHostEntry GetHostByName(string name)
    {
        // As gethostbyname_r: an IPv4 literal is its own entry; a name, its IPv4 addresses.
        if (IPAddress.TryParse(name, out var literal) && literal.AddressFamily == AddressFamily.InterNetwork)
        {
            return new OsHostEntry(name, [], [literal]);
        }
        var entry = Lookup(() => Dns.GetHostEntry(name, AddressFamily.InterNetwork), $"cannot resolve '{name}'", name, reverse: false);
        return new OsHostEntry(entry.HostName, [], entry.AddressList);
    }

    public OsHostEntry GetHostByAddr(IPAddress address)
    {
        var entry = Lookup(() => Dns.GetHostEntry(address), $"no name for address {address}", address.ToString(), reverse: true);
        return new OsHostEntry(entry.HostName, [], [address]);
    }

    public int GetInterfaceIndex(string name)
    {
        var properties = NetworkInterface.GetAllNetworkInterfaces().FirstOrDefault(n => n.Name == name)?.GetIPProperties();
        if (properties is null)
        {
            return 0;
        }
        // An interface without IPv4 (or IPv6) throws instead of answering null on some OSes.
        try
        {
            return properties.GetIPv4Properties()?.Index ?? properties.GetIPv6Properties()?.Index ?? 0;
        }
        catch (NetworkInformationException)
        {
            return properties.GetIPv6Properties()?.Index ?? 0;
        }
    }

    public EndPoint? GetSocketAddress(Socket socket, bool remote)
    {
        if (remote)
        {
            return socket.RemoteEndPoint;
        }
        // .NET says nothing until the socket is bound; getsockname says the wildcard address and port 0.
        return socket.LocalEndPoint ?? socket.AddressFamily switch
        {
            AddressFamily.InterNetwork => new IPEndPoint(IPAddress.Any, 0),
            AddressFamily.InterNetworkV6 => new IPEndPoint(IPAddress.IPv6Any, 0),
            _ => null,
        };
    }

    public int ToOsFamily(AddressFamily family) => s_families.Contains(family) ? (int)family : -1;

    public AddressFamily FromOsFamily(int family) => s_families.Contains((AddressFamily)family) ? (AddressFamily)family : AddressFamily.Unknown;

    // getservbyname over the database: the first entry of that name (or alias) for that protocol.
    private int? FindPort(string name, string protocol) => (services ?? ServicesDatabase.System).FindByName(name, protocol)?.Port;

    private static IPHostEntry Lookup(Func<IPHostEntry> lookup, string what, string name, bool reverse)
    {
        try
        {
            return lookup();
        }
        catch (SocketException e)
        {
            throw new LookupException($"{what}: {e.Message}", SocketErrors.Kind(e.SocketErrorCode), e) { Name = name, Reverse = reverse };
        }
    }
}
