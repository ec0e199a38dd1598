using System.Net;
using System.Net.Sockets;
using Sockit.Naming;
using Sockit.Testing;

namespace Sockit.Tests.Naming;

/// <summary>gethostname, gethostbyname(_ex), gethostbyaddr and getfqdn against python3 on localhost and loopback addresses.</summary>
public sealed class HostResolverTests
{
    [Fact]
    public async Task GetHostName_MatchesPython()
    {
        var expected = await Python.RunAsync("import socket; print(socket.gethostname())");
        Assert.Equal(expected.TrimEnd('\n'), HostResolver.GetHostName());
    }

    [Fact]
    public async Task LocalhostAndLoopback_EveryCall_MatchesPython()
    {
        // One line per call: gethostbyname, gethostbyname_ex, gethostbyaddr and getfqdn on names every hosts file answers.
        // This machine's own name is not asked here: it may be in no hosts file (a fresh CI runner), and asking would
        // send a DNS query; sockit host and resolve on the own name are checked in a namespace with a known hosts file
        // (Sockit.Cli.Tests' ResolveHostsFileTests).
        var expected = await Python.RunAsync("""
            import socket
            for name in ['localhost', '127.0.0.1']:
                print(socket.gethostbyname(name))
                print(socket.gethostbyname_ex(name))
                print(socket.gethostbyaddr(name))
                print(socket.getfqdn(name))
            print(socket.gethostbyaddr('::1') if any(l.split()[:1] == ['::1'] for l in open('/etc/hosts')) else 'skip')
            """);
        var lines = new List<string>();
        foreach (var name in new[] { "localhost", "127.0.0.1" })
        {
            lines.Add(HostResolver.GetHostByName(name).ToString());
            lines.Add(Py(HostResolver.GetHostByNameEx(name)));
            lines.Add(Py(HostResolver.GetHostByAddr(name)));
            lines.Add(HostResolver.GetFullyQualifiedName(name));
        }
        lines.Add(File.ReadLines("/etc/hosts").Any(l => l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() == "::1")
            ? Py(HostResolver.GetHostByAddr("::1"))
            : "skip");
        Assert.Equal(expected, string.Join('\n', lines) + "\n");
    }

    [Fact]
    public void GetHostByName_AddressLiteral_ReturnsIt()
    {
        Assert.Equal(IPAddress.Parse("127.0.0.7"), HostResolver.GetHostByName("127.0.0.7"));
    }

    [Fact]
    public void GetAddrInfo_NumericHostFlagWithName_FailsWithResolverReason()
    {
        var e = Assert.Throws<LookupException>(() => { HostResolver.GetAddrInfo("localhost", flags: AddressInfoFlags.NumericHost); });
        Assert.Equal(SockitFailure.NotFound, e.Failure);
        Assert.Equal("cannot resolve 'localhost': Name or service not known", e.Message);
        Assert.Equal(SocketError.HostNotFound, Assert.IsType<SocketException>(e.InnerException).SocketErrorCode);
    }

    [Fact]
    public void GetAddrInfo_UnknownService_FailsNamingTheService()
    {
        var e = Assert.Throws<LookupException>(() => { HostResolver.GetAddrInfo("127.0.0.1", "nosuchservice"); });
        Assert.Equal(SockitFailure.NotFound, e.Failure);
        Assert.Equal("cannot resolve '127.0.0.1' service 'nosuchservice': Servname not supported for ai_socktype", e.Message);
    }

    [Fact]
    public async Task GetAddrInfoAsync_PassiveWithoutHost_GivesWildcards()
    {
        var infos = await HostResolver.GetAddrInfoAsync(null, "80", AddressFamily.InterNetwork, SocketType.Stream, flags: AddressInfoFlags.Passive,
            cancellationToken: TestContext.Current.CancellationToken);
        var info = Assert.Single(infos);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 80), info.EndPoint);
        Assert.Equal(ProtocolType.Tcp, info.Protocol);
    }

    [Fact]
    public void GetAddrInfo_NeitherHostNorService_IsMisuse()
    {
        Assert.Throws<ArgumentException>(() => { HostResolver.GetAddrInfo(null); });
    }

    [Fact]
    public void GetInterfaces_IncludeLoopbackWithItsAddress()
    {
        var loopback = Assert.Single(HostResolver.GetInterfaces(), i => i.Name == "lo");
        Assert.Contains(IPAddress.Loopback, loopback.Addresses);
        Assert.True(loopback.Index > 0);
    }

    [Fact]
    public async Task GetInterfaces_IndexesAndNames_MatchPythonIfNameIndex()
    {
        var expected = await Python.RunAsync("import socket; print(sorted(socket.if_nameindex()))");
        var actual = "[" + string.Join(", ", HostResolver.GetInterfaces().Select(i => $"({i.Index}, '{i.Name}')")) + "]\n";
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Py_Facade_DeconstructsAsPythonUnpacks()
    {
        var (name, aliases, addresses) = Sockit.Py.GetHostByNameEx("localhost");
        Assert.Equal("localhost", name);
        Assert.Empty(aliases);
        Assert.Equal([IPAddress.Loopback], addresses);
        Assert.Equal("127.0.0.1", Sockit.Py.GetHostByName("localhost"));
        Assert.Equal(Sockit.Py.GetAddrInfo("localhost", 80).Select(i => i.EndPoint.Port).Distinct(), [80]);
    }

    private static string Py(HostEntry entry) =>
        $"('{entry.Name}', [{string.Join(", ", entry.Aliases.Select(a => $"'{a}'"))}], [{string.Join(", ", entry.Addresses.Select(a => $"'{a}'"))}])";
}
