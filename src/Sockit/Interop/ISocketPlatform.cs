using System.Net;
using System.Net.Sockets;

namespace Sockit.Interop;

/// <summary>
/// Everything sockit asks of the OS's resolver and socket layer, behind one interface so that no OS's calls leak
/// into the public API: glibc on Linux (<see cref="Linux.LinuxSocketPlatform"/>); elsewhere, or when asked for, .NET's own
/// (<see cref="Managed.ManagedSocketPlatform"/>). <see cref="SocketPlatform"/> chooses.
/// Answers are this layer's own records (<see cref="OsAddressInfo"/>, <see cref="OsHostEntry"/>, <see cref="OsConstantTable"/>):
/// the layers above build their public results from them, so nothing here depends on them.
/// Lookups throw <see cref="LookupException"/> with the resolver's own reason.
/// </summary>
internal interface ISocketPlatform
{
    /// <summary>gethostname().</summary>
    string GetHostName();

    /// <summary>getaddrinfo() with OS numbers for family, type and protocol (0 for any), and <see cref="GaiFlags"/>.</summary>
    IReadOnlyList<OsAddressInfo> GetAddrInfo(string? host, string? service, int family, int type, int protocol, int flags);

    /// <summary>gethostbyname_r(): the IPv4 entry for a name.</summary>
    OsHostEntry GetHostByName(string name);

    /// <summary>gethostbyaddr_r(): the entry for an address.</summary>
    OsHostEntry GetHostByAddr(IPAddress address);

    /// <summary>if_nametoindex(); 0 when unknown.</summary>
    int GetInterfaceIndex(string name);

    /// <summary>getsockname() (local) or getpeername() (remote); null when the socket has no such address.</summary>
    EndPoint? GetSocketAddress(Socket socket, bool remote);

    /// <summary>The AF_, SOCK_ and IPPROTO_ constants of this OS, as Python's socket module defines them.</summary>
    OsConstantTable Constants { get; }

    /// <summary>The OS's number for a .NET address family; -1 when this OS has none.</summary>
    int ToOsFamily(AddressFamily family);

    /// <summary>The .NET address family for an OS number; <see cref="AddressFamily.Unknown"/> when .NET has none.</summary>
    AddressFamily FromOsFamily(int family);
}
