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
}

/// <summary>getaddrinfo's <c>AI_</c> flags.</summary>
[Flags]
public enum AddressInfoFlags
{
    /// <summary>No flags.</summary>
    None = 0,
    /// <summary><c>AI_PASSIVE</c>: with no host, the wildcard address (for bind) instead of loopback.</summary>
    Passive = 1,
    /// <summary><c>AI_CANONNAME</c>: fill in the canonical name of the first entry.</summary>
    CanonicalName = 2,
    /// <summary><c>AI_NUMERICHOST</c>: the host must be an address literal; never ask a resolver.</summary>
    NumericHost = 4,
    /// <summary><c>AI_V4MAPPED</c>: for IPv6 with no IPv6 addresses, IPv4-mapped ones.</summary>
    V4Mapped = 8,
    /// <summary><c>AI_ALL</c>: with <see cref="V4Mapped"/>, both IPv6 and IPv4-mapped addresses.</summary>
    All = 16,
    /// <summary><c>AI_ADDRCONFIG</c>: only families the machine has an address of.</summary>
    AddressConfig = 32,
    /// <summary><c>AI_NUMERICSERV</c>: the service must be a port number.</summary>
    NumericService = 64,
}

/// <summary>A host's entry as <c>gethostbyname_ex</c> and <c>gethostbyaddr</c> give it: Python's <c>(hostname, aliaslist, ipaddrlist)</c>.</summary>
/// <param name="Name">The official (canonical) name.</param>
/// <param name="Aliases">Other names of the host, in the resolver's order (for DNS: the CNAME chain that led to <paramref name="Name"/>).</param>
/// <param name="Addresses">The host's addresses, in the resolver's order.</param>
/// <remarks>Two entries are equal when their names are equal and their aliases and addresses are equal item by item, in order.</remarks>
public sealed record HostEntry(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<IPAddress> Addresses)
{
    /// <summary>Whether <paramref name="other"/> has the same name, and the same aliases and addresses in the same order.</summary>
    /// <param name="other">The entry to compare with.</param>
    public bool Equals(HostEntry? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Aliases.SequenceEqual(other.Aliases, StringComparer.Ordinal)
        && Addresses.SequenceEqual(other.Addresses);

    /// <summary>A hash of the name, aliases and addresses, consistent with <see cref="Equals(HostEntry)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name, StringComparer.Ordinal);
        foreach (var alias in Aliases)
        {
            hash.Add(alias, StringComparer.Ordinal);
        }
        foreach (var address in Addresses)
        {
            hash.Add(address);
        }
        return hash.ToHashCode();
    }
}

/// <summary>This machine as the lesson asks about it, and its interfaces.</summary>
/// <param name="HostName"><c>gethostname()</c>.</param>
/// <param name="Address"><c>gethostbyname(gethostname())</c>, or null when the host name does not resolve.</param>
/// <param name="AddressError">Why <paramref name="Address"/> is null: the resolver's reason.</param>
/// <param name="FullyQualifiedName">Python's <c>getfqdn()</c>: the first dotted name of the host's address's entry, else its name.</param>
/// <param name="Interfaces">Each network interface with its addresses, by interface index.</param>
public sealed record HostInfo(string HostName, IPAddress? Address, string? AddressError, string FullyQualifiedName, IReadOnlyList<InterfaceInfo> Interfaces);

/// <summary>A network interface.</summary>
/// <param name="Index">The OS's interface index (<c>if_nametoindex</c>); 0 when unknown.</param>
/// <param name="Name">Its name, e.g. <c>lo</c>, <c>eth0</c>.</param>
/// <param name="IsUp">Whether it is up.</param>
/// <param name="Addresses">Its unicast addresses, IPv4 first.</param>
public sealed record InterfaceInfo(int Index, string Name, bool IsUp, IReadOnlyList<IPAddress> Addresses);
