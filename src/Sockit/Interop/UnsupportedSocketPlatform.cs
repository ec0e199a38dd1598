using System.Net;
using System.Net.Sockets;

namespace Sockit.Interop;

/// <summary>Where sockit has no implementation of the OS calls yet (Windows' GetAddrInfoW, the BSDs' struct layouts): every call says so.</summary>
internal sealed class UnsupportedSocketPlatform : ISocketPlatform
{
    private static PlatformNotSupportedException NotSupported() =>
        new($"sockit's OS resolver and socket calls are implemented for Linux (glibc) only; this is {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

    public OsConstantTable Constants => throw NotSupported();

    public string GetHostName() => throw NotSupported();

    public IReadOnlyList<OsAddressInfo> GetAddrInfo(string? host, string? service, int family, int type, int protocol, ResolverFlags flags) => throw NotSupported();

    public OsHostEntry GetHostByName(string name) => throw NotSupported();

    public OsHostEntry GetHostByAddr(IPAddress address) => throw NotSupported();

    public int GetInterfaceIndex(string name) => throw NotSupported();

    public EndPoint? GetSocketAddress(Socket socket, bool remote) => throw NotSupported();

    public int ToOsFamily(AddressFamily family) => throw NotSupported();

    public AddressFamily FromOsFamily(int family) => throw NotSupported();
}
