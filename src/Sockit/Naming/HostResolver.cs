using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Sockit.Interop;
using Sockit.Sockets;

namespace Sockit.Naming;

/// <summary>
/// The OS's resolver, called directly (glibc's getaddrinfo, gethostbyname_r, gethostbyaddr_r), so that answers are
/// the ones Python's socket module gives on the same machine: .NET's <see cref="Dns"/> never passes a service,
/// socket type or protocol to getaddrinfo, leaves aliases empty, and adds interface addresses for the machine's own
/// name. The calls block, as the OS's do; use the async forms to keep a thread free. Failures throw
/// <see cref="LookupException"/> with the resolver's own reason (<c>Name or service not known</c>).
/// </summary>
/// <remarks>
/// Where glibc is not available (macOS, Windows, Linux on musl), or when a program chooses it (the AppContext switch
/// <c>Sockit.UseManagedPlatform</c>, or the environment variable <c>SOCKIT_PLATFORM=managed</c>, read once at the
/// first lookup), the answers come from the portable path instead: <see cref="Dns"/> for names, the services database
/// (<see cref="Services.ServicesDatabase.System"/>) for services, and glibc's rules for the rest. It gives the same
/// entries for address literals, services, socket types and flags, and for names the addresses and canonical name
/// .NET reports; it cannot give aliases (always empty), IPv6 flow information (always 0), or glibc's own failure
/// reasons for names (.NET's text instead), and its family numbers are .NET's (<c>AF_INET6</c> is 23).
/// </remarks>
public static class HostResolver
{
    /// <summary><c>socket.gethostname()</c>: this machine's host name, as the kernel has it.</summary>
    public static string GetHostName() => SocketPlatform.Current.GetHostName();

    /// <summary><c>socket.gethostbyname(name)</c>: the first IPv4 address of a name (an IPv4 literal is returned as is).</summary>
    public static IPAddress GetHostByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return ToAddress(name, AddressFamily.InterNetwork);
    }

    /// <summary><c>socket.gethostbyname_ex(name)</c>: the canonical name, aliases and IPv4 addresses of a name.</summary>
    public static HostEntry GetHostByNameEx(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // As CPython: the name must resolve for IPv4 first (so an unknown name fails with getaddrinfo's reason).
        ToAddress(name, AddressFamily.InterNetwork);
        return HostEntry.From(SocketPlatform.Current.GetHostByName(IdnaName.ToAscii(name)));
    }

    /// <summary><c>socket.gethostbyaddr(address)</c>: the name, aliases and addresses for an address (or for the first address of a name).</summary>
    public static HostEntry GetHostByAddr(string addressOrName)
    {
        ArgumentNullException.ThrowIfNull(addressOrName);
        return HostEntry.From(SocketPlatform.Current.GetHostByAddr(ToAddress(addressOrName, AddressFamily.Unspecified)));
    }

    /// <summary><c>socket.gethostbyaddr(address)</c> for an address.</summary>
    public static HostEntry GetHostByAddr(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return HostEntry.From(SocketPlatform.Current.GetHostByAddr(address));
    }

    /// <summary>
    /// <c>socket.getaddrinfo(host, port, family, type, proto, flags)</c>: every entry, in the resolver's order. A null
    /// host means loopback (or the wildcard with <see cref="AddressInfoFlags.Passive"/>); a null service, port 0.
    /// </summary>
    public static IReadOnlyList<AddressInfo> GetAddrInfo(
        string? host,
        string? service = null,
        AddressFamily family = AddressFamily.Unspecified,
        SocketType? socketType = null,
        ProtocolType protocol = ProtocolType.Unspecified,
        AddressInfoFlags flags = AddressInfoFlags.None)
    {
        if (host is null && service is null)
        {
            throw new ArgumentException("give a host, a service, or both (getaddrinfo needs one of them)", nameof(host));
        }
        var osFamily = SocketConstants.ToOsNumber(family);
        var osType = socketType is { } type ? SocketConstants.ToOsNumber(type) : 0;
        // A non-ASCII host is asked for in its IDNA form, as Python asks for it.
        return [.. SocketPlatform.Current.GetAddrInfo(host is null ? null : IdnaName.ToAscii(host), service, osFamily, osType, (int)protocol, (int)flags).Select(AddressInfo.From)];
    }

    /// <summary><see cref="GetAddrInfo"/> on the thread pool; cancellation abandons the wait (the OS call cannot be stopped).</summary>
    public static Task<IReadOnlyList<AddressInfo>> GetAddrInfoAsync(
        string? host,
        string? service = null,
        AddressFamily family = AddressFamily.Unspecified,
        SocketType? socketType = null,
        ProtocolType protocol = ProtocolType.Unspecified,
        AddressInfoFlags flags = AddressInfoFlags.None,
        CancellationToken cancellationToken = default) =>
        Task.Run(() => GetAddrInfo(host, service, family, socketType, protocol, flags), cancellationToken).WaitAsync(cancellationToken);

    /// <summary>
    /// <c>socket.getfqdn(name)</c>: the first name containing a dot among the name and aliases of the address that
    /// <paramref name="name"/> resolves to; that entry's name when none has a dot; <paramref name="name"/> itself when
    /// it does not resolve. An empty name means this machine.
    /// </summary>
    public static string GetFullyQualifiedName(string? name = null)
    {
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name is "0.0.0.0" or "::")
        {
            name = GetHostName();
        }
        try
        {
            var entry = GetHostByAddr(name);
            return new[] { entry.Name }.Concat(entry.Aliases).FirstOrDefault(n => n.Contains('.', StringComparison.Ordinal)) ?? entry.Name;
        }
        catch (LookupException)
        {
            return name;
        }
    }

    /// <summary>This machine: host name, its address, fully qualified name, and interfaces with their addresses.</summary>
    public static HostInfo GetHostInfo()
    {
        var hostName = GetHostName();
        IPAddress? address = null;
        string? error = null;
        try
        {
            address = GetHostByName(hostName);
        }
        catch (LookupException e)
        {
            error = e.Message;
        }
        return new HostInfo(hostName, address, error, GetFullyQualifiedName(), GetInterfaces());
    }

    /// <summary>The network interfaces and their unicast addresses, by interface index.</summary>
    public static IReadOnlyList<InterfaceInfo> GetInterfaces()
    {
        var platform = SocketPlatform.Current;
        return [.. NetworkInterface.GetAllNetworkInterfaces()
            .Select(nic => new InterfaceInfo(
                platform.GetInterfaceIndex(nic.Name),
                nic.Name,
                nic.OperationalStatus != OperationalStatus.Down,
                [.. nic.GetIPProperties().UnicastAddresses.Select(a => a.Address)
                    .OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)]))
            .OrderBy(i => i.Index)];
    }

    // CPython's setipaddr: '' is the wildcard, '<broadcast>' the broadcast address, else getaddrinfo's first answer.
    private static IPAddress ToAddress(string name, AddressFamily family)
    {
        if (name.Length == 0)
        {
            return family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
        }
        if (name == "<broadcast>")
        {
            return IPAddress.Broadcast;
        }
        return GetAddrInfo(name, null, family).First().EndPoint.Address;
    }
}
