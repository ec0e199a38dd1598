using System.Net;
using System.Net.Sockets;
using Sockit.Naming;

namespace Sockit.Sockets.Platform;

/// <summary>
/// Everything sockit asks of the OS's resolver and socket layer, behind one interface so that no OS's calls leak
/// into the public API: glibc on Linux (<see cref="LinuxSocketPlatform"/>); elsewhere <see cref="UnsupportedSocketPlatform"/>.
/// Lookups throw <see cref="LookupException"/> with the resolver's own reason.
/// </summary>
internal interface ISocketPlatform
{
    /// <summary>gethostname().</summary>
    string GetHostName();

    /// <summary>getaddrinfo() with OS numbers for family, type and protocol (0 for any).</summary>
    IReadOnlyList<AddressInfo> GetAddrInfo(string? host, string? service, int family, int type, int protocol, AddressInfoFlags flags);

    /// <summary>gethostbyname_r(): the IPv4 entry for a name.</summary>
    HostEntry GetHostByName(string name);

    /// <summary>gethostbyaddr_r(): the entry for an address.</summary>
    HostEntry GetHostByAddr(IPAddress address);

    /// <summary>if_nametoindex(); 0 when unknown.</summary>
    int GetInterfaceIndex(string name);

    /// <summary>getsockname() (local) or getpeername() (remote); null when the socket has no such address.</summary>
    EndPoint? GetSocketAddress(Socket socket, bool remote);

    /// <summary>The AF_, SOCK_ and IPPROTO_ constants of this OS, as Python's socket module defines them.</summary>
    SocketConstantTable Constants { get; }

    /// <summary>The OS's number for a .NET address family; -1 when this OS has none.</summary>
    int ToOsFamily(AddressFamily family);

    /// <summary>The .NET address family for an OS number; <see cref="AddressFamily.Unknown"/> when .NET has none.</summary>
    AddressFamily FromOsFamily(int family);
}

/// <summary>The platform sockit runs on.</summary>
internal static class SocketPlatform
{
    public static ISocketPlatform Current { get; } = OperatingSystem.IsLinux() ? new LinuxSocketPlatform() : new UnsupportedSocketPlatform();
}

/// <summary>Where sockit has no implementation of the OS calls yet (Windows' GetAddrInfoW, the BSDs' struct layouts): every call says so.</summary>
internal sealed class UnsupportedSocketPlatform : ISocketPlatform
{
    private static PlatformNotSupportedException NotSupported() =>
        new($"sockit's OS resolver and socket calls are implemented for Linux (glibc) only; this is {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

    public SocketConstantTable Constants => throw NotSupported();

    public string GetHostName() => throw NotSupported();

    public IReadOnlyList<AddressInfo> GetAddrInfo(string? host, string? service, int family, int type, int protocol, AddressInfoFlags flags) => throw NotSupported();

    public HostEntry GetHostByName(string name) => throw NotSupported();

    public HostEntry GetHostByAddr(IPAddress address) => throw NotSupported();

    public int GetInterfaceIndex(string name) => throw NotSupported();

    public EndPoint? GetSocketAddress(Socket socket, bool remote) => throw NotSupported();

    public int ToOsFamily(AddressFamily family) => throw NotSupported();

    public AddressFamily FromOsFamily(int family) => throw NotSupported();
}
