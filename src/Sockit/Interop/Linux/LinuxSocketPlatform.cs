using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
namespace Sockit.Interop.Linux;

/// <summary>glibc: getaddrinfo, gethostbyname_r, gethostbyaddr_r, getsockname, and Linux's constant numbers.</summary>
internal sealed unsafe class LinuxSocketPlatform : ISocketPlatform
{
    private const int AfUnspec = 0;
    private const int AfUnix = 1;
    private const int AfInet = 2;
    private const int AfInet6 = 10;
    private const int AfPacket = 17;
    private const int AfCan = 29;

    private const int EaiBadFlags = -1;
    private const int EaiNoName = -2;
    private const int EaiAgain = -3;
    private const int EaiNoData = -5;
    private const int EaiFamily = -6;
    private const int EaiSocketType = -7;
    private const int EaiService = -8;
    private const int EaiAddrFamily = -9;
    private const int EaiSystem = -11;

    private const int HostNotFound = 1;
    private const int TryAgain = 2;
    private const int NoData = 4;
    private const int Erange = 34;

    private static readonly OsConstantTable s_constants = BuildConstants();

    public OsConstantTable Constants => s_constants;

    public string GetHostName()
    {
        // HOST_NAME_MAX is 64; leave room for the terminator and for longer names on other kernels.
        var buffer = stackalloc byte[256];
        if (LibC.GetHostName(buffer, 256) != 0)
        {
            throw new LookupException($"gethostname failed: {Marshal.GetLastPInvokeErrorMessage()}", SockitFailure.Io);
        }
        buffer[255] = 0;
        return LibC.Utf8(buffer)!;
    }

    public IReadOnlyList<OsAddressInfo> GetAddrInfo(string? host, string? service, int family, int type, int protocol, int flags)
    {
        var hints = new LibC.AddrInfo { Family = family, SocketType = type, Protocol = protocol, Flags = flags }; // GaiFlags are glibc's numbers
        LibC.AddrInfo* list = null;
        var code = LibC.GetAddrInfo(host, service, &hints, &list);
        if (code != 0)
        {
            var errno = Marshal.GetLastSystemError();
            throw GaiFailure(host, service, code, errno);
        }
        try
        {
            var results = new List<OsAddressInfo>();
            for (var entry = list; entry is not null; entry = entry->Next)
            {
                if (ReadSocketAddress(entry->Address, (int)entry->AddressLength, out var flowInfo) is not IPEndPoint endPoint)
                {
                    continue;
                }
                results.Add(new OsAddressInfo(
                    FromOsFamily(entry->Family),
                    (SocketType)entry->SocketType,
                    (ProtocolType)entry->Protocol,
                    LibC.Utf8(entry->CanonicalName) ?? "",
                    endPoint,
                    flowInfo));
            }
            return results;
        }
        finally
        {
            LibC.FreeAddrInfo(list);
        }
    }

    public OsHostEntry GetHostByName(string name) =>
        CallWithGrowingBuffer((entry, buffer, length, result, hostErrno) => LibC.GetHostByNameR(name, entry, buffer, length, result, hostErrno), out var hostErrno)
            ?? throw HostFailure($"cannot resolve '{name}'", name, reverse: false, hostErrno);

    public OsHostEntry GetHostByAddr(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        var osFamily = address.AddressFamily == AddressFamily.InterNetworkV6 ? AfInet6 : AfInet;
        return CallWithGrowingBuffer((entry, buffer, length, result, hostErrno) =>
            {
                fixed (byte* addressBytes = bytes)
                {
                    return LibC.GetHostByAddrR(addressBytes, (uint)bytes.Length, osFamily, entry, buffer, length, result, hostErrno);
                }
            }, out var hostErrno)
            ?? throw HostFailure($"no name for address {address}", address.ToString(), reverse: true, hostErrno);
    }

    // gethostbyname_r and gethostbyaddr_r write the entry's strings into the caller's buffer and return ERANGE when it
    // is too small: start at 1 KiB and grow it fourfold, up to 1 MiB. Null (with h_errno) when there is no entry.
    private static OsHostEntry? CallWithGrowingBuffer(HostEntryCall call, out int hostErrno)
    {
        var length = 1024;
        while (true)
        {
            var buffer = new byte[length];
            LibC.HostEnt entry;
            LibC.HostEnt* result = null;
            int error;
            fixed (byte* bytes = buffer)
            {
                var code = call(&entry, bytes, (nuint)length, &result, &error);
                if (code == Erange && length < (1 << 20))
                {
                    length *= 4;
                    continue;
                }
                hostErrno = error;
                // The entry points into the buffer: read it while the buffer is still pinned.
                return result is null ? null : ReadHostEntry(result);
            }
        }
    }

    private delegate int HostEntryCall(LibC.HostEnt* entry, byte* buffer, nuint length, LibC.HostEnt** result, int* hostErrno);

    public int GetInterfaceIndex(string name) => (int)LibC.IfNameToIndex(name);

    public EndPoint? GetSocketAddress(Socket socket, bool remote)
    {
        var fd = (int)socket.SafeHandle.DangerousGetHandle();
        // sockaddr_storage is 128 bytes.
        var buffer = stackalloc byte[128];
        uint length = 128;
        var code = remote ? LibC.GetPeerName(fd, buffer, &length) : LibC.GetSockName(fd, buffer, &length);
        return code != 0 ? null : ReadSocketAddress(buffer, (int)Math.Min(length, 128));
    }

    public int ToOsFamily(AddressFamily family) => family switch
    {
        AddressFamily.Unspecified => AfUnspec,
        AddressFamily.Unix => AfUnix,
        AddressFamily.InterNetwork => AfInet,
        AddressFamily.InterNetworkV6 => AfInet6,
        AddressFamily.Packet => AfPacket,
        AddressFamily.ControllerAreaNetwork => AfCan,
        _ => -1,
    };

    public AddressFamily FromOsFamily(int family) => family switch
    {
        AfUnspec => AddressFamily.Unspecified,
        AfUnix => AddressFamily.Unix,
        AfInet => AddressFamily.InterNetwork,
        AfInet6 => AddressFamily.InterNetworkV6,
        AfPacket => AddressFamily.Packet,
        AfCan => AddressFamily.ControllerAreaNetwork,
        _ => AddressFamily.Unknown,
    };

    /// <summary>Reads a sockaddr_in, sockaddr_in6 or sockaddr_un; null for an unnamed Unix socket or another family.</summary>
    internal static EndPoint? ReadSocketAddress(byte* address, int length) => ReadSocketAddress(address, length, out _);

    /// <summary>
    /// Reads a sockaddr_in, sockaddr_in6 or sockaddr_un, and a sockaddr_in6's <c>sin6_flowinfo</c> in host order
    /// (CPython's <c>ntohl(sin6_flowinfo)</c>; 0 for other families), which <see cref="IPEndPoint"/> has no room for.
    /// </summary>
    internal static EndPoint? ReadSocketAddress(byte* address, int length, out uint flowInfo)
    {
        flowInfo = 0;
        return address is null ? null : ReadSocketAddress(new ReadOnlySpan<byte>(address, length), out flowInfo);
    }

    /// <inheritdoc cref="ReadSocketAddress(byte*, int, out uint)"/>
    internal static EndPoint? ReadSocketAddress(ReadOnlySpan<byte> bytes, out uint flowInfo)
    {
        flowInfo = 0;
        var length = bytes.Length;
        if (length < 2)
        {
            return null;
        }
        // sa_family is in host byte order; sin_port and sin6_port in network byte order.
        var family = MemoryMarshal.Read<ushort>(bytes);
        switch (family)
        {
            case AfInet when length >= 8:
                return new IPEndPoint(new IPAddress(bytes.Slice(4, 4)), BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]));
            case AfInet6 when length >= 28:
                // struct sockaddr_in6: family (2), port (2, network order), flowinfo (4, network order), addr (16), scope_id (4, host order).
                flowInfo = BinaryPrimitives.ReadUInt32BigEndian(bytes[4..]);
                var scope = MemoryMarshal.Read<uint>(bytes[24..]);
                return new IPEndPoint(new IPAddress(bytes.Slice(8, 16), scope), BinaryPrimitives.ReadUInt16BigEndian(bytes[2..]));
            case AfUnix when length > 2:
                var path = bytes[2..];
                if (path[0] != 0)
                {
                    // A pathname socket: the name ends at the first NUL.
                    var end = path.IndexOf((byte)0);
                    path = end >= 0 ? path[..end] : path;
                }
                return path.IsEmpty ? null : new UnixDomainSocketEndPoint(System.Text.Encoding.UTF8.GetString(path));
            default:
                return null;
        }
    }

    private static OsHostEntry ReadHostEntry(LibC.HostEnt* entry)
    {
        var aliases = new List<string>();
        for (var alias = entry->Aliases; alias is not null && *alias is not null; alias++)
        {
            aliases.Add(LibC.Utf8(*alias)!);
        }
        var addresses = new List<IPAddress>();
        var size = entry->AddressType == AfInet6 ? 16 : 4;
        for (var address = entry->Addresses; address is not null && *address is not null; address++)
        {
            addresses.Add(new IPAddress(new ReadOnlySpan<byte>(*address, size)));
        }
        return new OsHostEntry(LibC.Utf8(entry->Name) ?? "", aliases, addresses);
    }

    private static LookupException GaiFailure(string? host, string? service, int code, int errno)
    {
        var reason = code == EaiSystem ? Marshal.GetPInvokeErrorMessage(errno) : LibC.Utf8(LibC.GaiStrError(code)) ?? $"error {code}";
        var (failure, socketError) = code switch
        {
            EaiNoName or EaiNoData or EaiAddrFamily => (SockitFailure.NotFound, SocketError.HostNotFound),
            EaiService => (SockitFailure.NotFound, SocketError.TypeNotFound),
            EaiAgain => (SockitFailure.TimedOut, SocketError.TryAgain),
            // Arguments that do not go together: the caller's mistake, told apart by the inner SocketError.
            EaiSocketType => (SockitFailure.Io, SocketError.SocketNotSupported),
            EaiFamily => (SockitFailure.Io, SocketError.AddressFamilyNotSupported),
            EaiBadFlags => (SockitFailure.Io, SocketError.InvalidArgument),
            _ => (SockitFailure.Io, SocketError.SocketError),
        };
        return ResolveFailure.Create(host, service, reason, failure, socketError);
    }

    private static LookupException HostFailure(string what, string name, bool reverse, int hostErrno)
    {
        var reason = LibC.Utf8(LibC.HStrError(hostErrno)) ?? $"error {hostErrno}";
        var (failure, socketError) = hostErrno switch
        {
            HostNotFound or NoData => (SockitFailure.NotFound, SocketError.HostNotFound),
            TryAgain => (SockitFailure.TimedOut, SocketError.TryAgain),
            _ => (SockitFailure.Io, SocketError.NoRecovery),
        };
        return new LookupException($"{what}: {reason}", failure, new SocketException((int)socketError, reason)) { Name = name, Reverse = reverse };
    }

    private static OsConstantTable BuildConstants()
    {
        // Linux's numbers (<bits/socket.h>, <netinet/in.h>), and exactly the names CPython's socket module defines on Linux.
        OsConstant[] familyMembers =
        [
            new("AF_UNSPEC", 0), new("AF_UNIX", 1), new("AF_INET", 2), new("AF_AX25", 3), new("AF_IPX", 4),
            new("AF_APPLETALK", 5), new("AF_NETROM", 6), new("AF_BRIDGE", 7), new("AF_ATMPVC", 8), new("AF_X25", 9),
            new("AF_INET6", 10), new("AF_ROSE", 11), new("AF_NETBEUI", 13), new("AF_SECURITY", 14), new("AF_KEY", 15),
            new("AF_NETLINK", 16), new("AF_PACKET", 17), new("AF_ASH", 18), new("AF_ECONET", 19), new("AF_ATMSVC", 20),
            new("AF_RDS", 21), new("AF_SNA", 22), new("AF_IRDA", 23), new("AF_PPPOX", 24), new("AF_WANPIPE", 25),
            new("AF_LLC", 26), new("AF_CAN", 29), new("AF_TIPC", 30), new("AF_ALG", 38), new("AF_VSOCK", 40),
            new("AF_QIPCRTR", 42),
        ];
        // AF_ROUTE is Linux's other name for AF_NETLINK; AF_DECnet is a constant but not an AddressFamily member.
        OsConstant[] families = [.. familyMembers, new("AF_ROUTE", 16), new("AF_DECnet", 12)];
        OsConstant[] typeMembers =
        [
            new("SOCK_STREAM", 1), new("SOCK_DGRAM", 2), new("SOCK_RAW", 3), new("SOCK_RDM", 4), new("SOCK_SEQPACKET", 5),
            new("SOCK_NONBLOCK", 0x800), new("SOCK_CLOEXEC", 0x80000),
        ];
        OsConstant[] protocols =
        [
            new("IPPROTO_IP", 0), new("IPPROTO_HOPOPTS", 0), new("IPPROTO_ICMP", 1), new("IPPROTO_IGMP", 2), new("IPPROTO_IPIP", 4),
            new("IPPROTO_TCP", 6), new("IPPROTO_EGP", 8), new("IPPROTO_PUP", 12), new("IPPROTO_UDP", 17), new("IPPROTO_IDP", 22),
            new("IPPROTO_TP", 29), new("IPPROTO_IPV6", 41), new("IPPROTO_ROUTING", 43), new("IPPROTO_FRAGMENT", 44),
            new("IPPROTO_RSVP", 46), new("IPPROTO_GRE", 47), new("IPPROTO_ESP", 50), new("IPPROTO_AH", 51),
            new("IPPROTO_ICMPV6", 58), new("IPPROTO_NONE", 59), new("IPPROTO_DSTOPTS", 60), new("IPPROTO_PIM", 103),
            new("IPPROTO_SCTP", 132), new("IPPROTO_UDPLITE", 136), new("IPPROTO_RAW", 255), new("IPPROTO_MPTCP", 262),
        ];
        return new OsConstantTable(families, familyMembers, typeMembers, typeMembers, protocols);
    }
}
