using System.Net;
using System.Net.Sockets;
using Sockit.Interop.Linux;
using Sockit.Naming;
using Sockit.Testing;

namespace Sockit.Tests.Naming;

/// <summary>IPv6 socket addresses as getaddrinfo returns them (scope id, flow info), and <see cref="HostEntry"/>'s value equality.</summary>
public sealed class AddressInfoTests
{
    [Fact]
    public async Task AddressInfoFlags_HavePythonsNumbers()
    {
        // The flags go to glibc unchanged, so each must be the number Python's socket module (glibc's <netdb.h>) has.
        var expected = await Python.RunAsync("""
            import socket
            for name in ['AI_PASSIVE', 'AI_CANONNAME', 'AI_NUMERICHOST', 'AI_V4MAPPED', 'AI_ALL', 'AI_ADDRCONFIG', 'AI_NUMERICSERV']:
                print(getattr(socket, name))
            """);
        AddressInfoFlags[] flags =
        [
            AddressInfoFlags.Passive, AddressInfoFlags.CanonicalName, AddressInfoFlags.NumericHost, AddressInfoFlags.V4Mapped,
            AddressInfoFlags.All, AddressInfoFlags.AddressConfig, AddressInfoFlags.NumericService,
        ];
        Assert.Equal(expected, string.Concat(flags.Select(f => (int)f + "\n")));
    }

    [Fact]
    public void ReadSocketAddress_SockaddrIn6_TakesFlowInfoAndScope()
    {
        byte[] sockaddr =
        [
            10, 0,                  // sin6_family: AF_INET6 (10), host order (little-endian)
            0x1F, 0x90,             // sin6_port: 8080, network order
            0x00, 0x01, 0x23, 0x45, // sin6_flowinfo: 0x12345, network order
            0xFE, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, // sin6_addr: fe80::1
            0x02, 0, 0, 0,          // sin6_scope_id: 2, host order
        ];
        var endPoint = Assert.IsType<IPEndPoint>(LinuxSocketPlatform.ReadSocketAddress(sockaddr, out var flowInfo));
        Assert.Equal(0x12345u, flowInfo);
        Assert.Equal(8080, endPoint.Port);
        Assert.Equal(IPAddress.Parse("fe80::1%2"), endPoint.Address);
        Assert.Equal(2, endPoint.Address.ScopeId);
    }

    [Fact]
    public void ReadSocketAddress_SockaddrIn_HasNoFlowInfo()
    {
        byte[] sockaddr =
        [
            2, 0,           // sin_family: AF_INET (2), host order
            0x00, 0x50,     // sin_port: 80, network order
            127, 0, 0, 1,   // sin_addr
            0, 0, 0, 0, 0, 0, 0, 0, // sin_zero
        ];
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, 80), LinuxSocketPlatform.ReadSocketAddress(sockaddr, out var flowInfo));
        Assert.Equal(0u, flowInfo);
    }

    [Theory]
    [InlineData("fe80::1%lo", "80")]
    [InlineData("fe80::1%1", null)]
    [InlineData("ff02::1%lo", "53")]
    [InlineData("::10%7", "443")]
    [InlineData("::1:2", null)]
    public async Task GetAddrInfo_ScopedLiteral_SameSockaddrAsPython(string host, string? service)
    {
        // Address literals: glibc parses them itself, no resolver is asked. Python's tuple is (host, port, flowinfo, scope_id).
        var expected = await Python.RunAsync(
            $"import socket\nfor e in socket.getaddrinfo('{host}', {(service is null ? "None" : $"'{service}'")}, socket.AF_INET6, socket.SOCK_STREAM): print(e[4])");
        var infos = HostResolver.GetAddrInfo(host, service, AddressFamily.InterNetworkV6, SocketType.Stream);
        var actual = string.Concat(infos.Select(i =>
            $"('{IPAddress.Parse(i.EndPoint.Address.ToString().Split('%')[0])}', {i.EndPoint.Port}, {i.FlowInfo}, {i.EndPoint.Address.ScopeId})\n"));
        Assert.Equal(expected, actual);
        Assert.NotEmpty(infos);
    }

    [Fact]
    public void GetAddrInfo_LinkLocalWithInterfaceName_ScopeIsThatInterfacesIndex()
    {
        var loopback = Assert.Single(HostResolver.GetInterfaces(), i => i.Name == "lo");
        var info = Assert.Single(HostResolver.GetAddrInfo("fe80::1%lo", "80", AddressFamily.InterNetworkV6, SocketType.Stream));
        Assert.Equal(loopback.Index, info.EndPoint.Address.ScopeId);
        Assert.Equal(0u, info.FlowInfo);
    }

    [Fact]
    public void HostEntry_SameContentsInOtherLists_AreEqual()
    {
        var a = new HostEntry("alpha.test", ["alpha", "a"], [IPAddress.Parse("127.0.0.10"), IPAddress.Parse("::10")]);
        var b = new HostEntry("alpha.test", new List<string> { "alpha", "a" }, new[] { IPAddress.Parse("127.0.0.10"), IPAddress.Parse("::10") });
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Single(new HashSet<HostEntry> { a, b });
    }

    [Theory]
    [InlineData("beta.test", "alpha,a", "127.0.0.10")]
    [InlineData("alpha.test", "a,alpha", "127.0.0.10")]
    [InlineData("alpha.test", "alpha", "127.0.0.10")]
    [InlineData("alpha.test", "alpha,a", "127.0.0.11")]
    [InlineData("alpha.test", "alpha,a", "127.0.0.10,127.0.0.11")]
    [InlineData("ALPHA.test", "alpha,a", "127.0.0.10")]
    public void HostEntry_DifferentNameAliasesOrAddresses_AreNotEqual(string name, string aliases, string addresses)
    {
        var a = new HostEntry("alpha.test", ["alpha", "a"], [IPAddress.Parse("127.0.0.10")]);
        var b = new HostEntry(name, aliases.Split(','), [.. addresses.Split(',').Select(IPAddress.Parse)]);
        Assert.NotEqual(a, b);
        Assert.False(a == b);
        Assert.False(a.Equals((object?)b));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void HostEntry_FromTheResolverTwice_AreEqual()
    {
        Assert.Equal(HostResolver.GetHostByNameEx("localhost"), HostResolver.GetHostByNameEx("localhost"));
        Assert.Equal(HostResolver.GetHostByAddr("127.0.0.1"), HostResolver.GetHostByAddr(IPAddress.Loopback));
    }

    [Fact]
    public void HostEntry_WithExpression_ComparesByValue()
    {
        var a = new HostEntry("localhost", [], [IPAddress.Loopback]);
        Assert.Equal(a, a with { Aliases = new List<string>() });
        Assert.NotEqual(a, a with { Aliases = ["lo"] });
    }
}
