using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Sockit.Interop.Managed;

/// <summary>
/// getaddrinfo as glibc answers it, built from .NET's resolver (<see cref="Dns"/>) and the services database: glibc's
/// order of checks (flags, family, socket type and protocol, service, then host, so that a bad service is refused before
/// any name is looked up), its table of socket types (<see cref="GaiTypeProtocol"/>), its entries (each address times
/// each type) and its error texts. What it cannot do the same: see <see cref="ManagedSocketPlatform"/>.
/// </summary>
internal static class ManagedAddressInfo
{
    // glibc's gai_strerror texts, so that failures read the same whichever platform answered.
    private const string BadFlags = "Bad value for ai_flags";
    private const string NoName = "Name or service not known";
    private const string BadFamily = "ai_family not supported";
    private const string BadSocketType = "ai_socktype not supported";
    private const string BadService = "Servname not supported for ai_socktype";
    private const string BadAddressFamily = "Address family for hostname not supported";

    /// <summary>The entries for a request; <paramref name="findPort"/> is getservbyname (service name, protocol name: the port, or null).</summary>
    public static IReadOnlyList<OsAddressInfo> Resolve(
        string? host, string? service, AddressFamily family, int socketType, int protocol, int flags, Func<string, string, int?> findPort)
    {
        // glibc: "*" stands for no host or no service; an empty service is none.
        var name = host == "*" ? null : host;
        var serviceName = service is "*" or "" ? null : service;
        if (name is null && serviceName is null)
        {
            throw Failure(host, service, NoName, SockitFailure.NotFound, SocketError.HostNotFound);
        }
        if ((flags & ~GaiFlags.Known) != 0 || ((flags & GaiFlags.CanonicalName) != 0 && name is null))
        {
            throw Failure(host, service, BadFlags, SockitFailure.Io, SocketError.InvalidArgument);
        }
        int? port = null;
        if (serviceName is not null && serviceName.All(char.IsAsciiDigit))
        {
            // strtoul, then htons: the port is the number's low 16 bits.
            port = (int)(ulong.TryParse(serviceName, out var number) ? number & 0xFFFF : 0xFFFF);
        }
        else if (serviceName is not null && (flags & GaiFlags.NumericService) != 0)
        {
            throw Failure(host, service, NoName, SockitFailure.NotFound, SocketError.HostNotFound);
        }
        if (family is not (AddressFamily.Unspecified or AddressFamily.InterNetwork or AddressFamily.InterNetworkV6))
        {
            throw Failure(host, service, BadFamily, SockitFailure.Io, SocketError.AddressFamilyNotSupported);
        }
        var kinds = Kinds(host, service, serviceName, port, socketType, protocol, findPort);
        var (canonicalName, addresses) = Addresses(name, host, service, family, flags);
        var entries = new List<OsAddressInfo>();
        foreach (var address in addresses)
        {
            foreach (var (type, entryProtocol, entryPort) in kinds)
            {
                // The canonical name goes on the first entry only.
                var canonical = entries.Count == 0 ? canonicalName : "";
                entries.Add(new OsAddressInfo(address.AddressFamily, (SocketType)type, (ProtocolType)entryProtocol, canonical, new IPEndPoint(address, entryPort), 0));
            }
        }
        return entries;
    }

    // glibc's gaih_inet: the (type, protocol, port) triples each address is listed with.
    private static List<(int Type, int Protocol, int Port)> Kinds(
        string? host, string? service, string? serviceName, int? port, int socketType, int protocol, Func<string, string, int?> findPort)
    {
        GaiTypeProtocol? row = null;
        if (socketType != 0 || protocol != 0)
        {
            row = GaiTypeProtocol.Table.FirstOrDefault(r => r.Serves(socketType, protocol))
                ?? throw (socketType != 0
                    ? Failure(host, service, BadSocketType, SockitFailure.Io, SocketError.SocketNotSupported)
                    : Failure(host, service, BadService, SockitFailure.NotFound, SocketError.TypeNotFound));
        }
        if (serviceName is not null && row is { NoService: true })
        {
            throw Failure(host, service, BadService, SockitFailure.NotFound, SocketError.TypeNotFound);
        }
        if (serviceName is not null && port is null)
        {
            // A service name: looked up for the one row asked for, or for every row that takes a service.
            var kinds = new List<(int, int, int)>();
            foreach (var candidate in row is null ? GaiTypeProtocol.Table.Where(r => !r.NoService) : [row])
            {
                if (findPort(serviceName, candidate.Name) is { } found)
                {
                    kinds.Add((candidate.SocketType, candidate.ProtocolFor(protocol), found));
                }
            }
            return kinds.Count > 0 ? kinds : throw Failure(host, service, BadService, SockitFailure.NotFound, SocketError.TypeNotFound);
        }
        var number = port ?? 0;
        return row is null
            ? [.. GaiTypeProtocol.Table.Where(r => r.Default).Select(r => (r.SocketType, r.ProtocolFor(protocol), number))]
            : [(row.SocketType, row.ProtocolFor(protocol), number)];
    }

    // The host's addresses, and its canonical name when asked for.
    private static (string CanonicalName, IReadOnlyList<IPAddress> Addresses) Addresses(string? name, string? host, string? service, AddressFamily family, int flags)
    {
        var canonical = (flags & GaiFlags.CanonicalName) != 0;
        if (name is null)
        {
            // No host: loopback, or with AI_PASSIVE the wildcard, in the order glibc sorts them.
            IPAddress[] none = (flags & GaiFlags.Passive) != 0 ? [IPAddress.Any, IPAddress.IPv6Any] : [IPAddress.IPv6Loopback, IPAddress.Loopback];
            return ("", [.. none.Where(a => family == AddressFamily.Unspecified || a.AddressFamily == family)]);
        }
        // glibc reads literals with inet_aton and inet_pton (with a %scope), never with brackets.
        if (!name.Contains('[', StringComparison.Ordinal) && IPAddress.TryParse(name, out var literal))
        {
            if (family == AddressFamily.Unspecified || literal.AddressFamily == family)
            {
                return (canonical ? name : "", [literal]);
            }
            if (family == AddressFamily.InterNetworkV6 && (flags & GaiFlags.V4Mapped) != 0)
            {
                return (canonical ? name : "", [literal.MapToIPv6()]);
            }
            throw Failure(host, service, BadAddressFamily, SockitFailure.NotFound, SocketError.HostNotFound);
        }
        if ((flags & GaiFlags.NumericHost) != 0 || name.Length == 0 || name.Contains('[', StringComparison.Ordinal))
        {
            throw Failure(host, service, NoName, SockitFailure.NotFound, SocketError.HostNotFound);
        }
        var mapped = family == AddressFamily.InterNetworkV6 && (flags & GaiFlags.V4Mapped) != 0;
        var entry = Lookup(host, service, name, mapped ? AddressFamily.Unspecified : family);
        // .NET adds this machine's interface addresses, of every family, to the answer for its own name: keep the family asked for.
        IEnumerable<IPAddress> addresses = entry.AddressList.Where(a => mapped || family == AddressFamily.Unspecified || a.AddressFamily == family);
        if (mapped)
        {
            // AI_V4MAPPED: IPv4 addresses as ::ffff:a.b.c.d when there is no IPv6 one; with AI_ALL, both.
            var v6 = entry.AddressList.Where(a => a.AddressFamily == AddressFamily.InterNetworkV6).ToList();
            var v4 = entry.AddressList.Where(a => a.AddressFamily == AddressFamily.InterNetwork).Select(a => a.MapToIPv6());
            addresses = v6.Count > 0 && (flags & GaiFlags.All) == 0 ? v6 : v6.Concat(v4);
        }
        if ((flags & GaiFlags.AddressConfig) != 0)
        {
            addresses = OnlyConfiguredFamilies(addresses);
        }
        var list = addresses.ToList();
        return list.Count > 0
            ? (canonical ? entry.HostName : "", list)
            : throw Failure(host, service, BadAddressFamily, SockitFailure.NotFound, SocketError.HostNotFound);
    }

    private static IPHostEntry Lookup(string? host, string? service, string name, AddressFamily family)
    {
        try
        {
            return Dns.GetHostEntry(name, family);
        }
        catch (SocketException e)
        {
            throw Failure(host, service, e.Message, SocketErrors.Kind(e.SocketErrorCode), e.SocketErrorCode);
        }
        catch (ArgumentException)
        {
            // .NET refuses a name over 255 characters or one it cannot encode before asking anyone.
            throw Failure(host, service, NoName, SockitFailure.NotFound, SocketError.HostNotFound);
        }
    }

    // AI_ADDRCONFIG, as .NET sees the interfaces: only families the machine has a non-loopback address of (all of them
    // when it has none, rather than nothing).
    private static IEnumerable<IPAddress> OnlyConfiguredFamilies(IEnumerable<IPAddress> addresses)
    {
        var configured = NetworkInterface.GetAllNetworkInterfaces()
            .SelectMany(nic => nic.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => !IPAddress.IsLoopback(a))
            .Select(a => a.AddressFamily)
            .ToHashSet();
        return configured.Count == 0 ? addresses : addresses.Where(a => configured.Contains(a.AddressFamily));
    }

    private static LookupException Failure(string? host, string? service, string reason, SockitFailure failure, SocketError socketError) =>
        ResolveFailure.Create(host, service, reason, failure, socketError);
}
