using System.Net;
using System.Net.Sockets;
using Sockit.Interop;
using Sockit.Interop.Linux;
using Sockit.Interop.Managed;
using Sockit.Services;
using Sockit.Testing;

namespace Sockit.Tests.Naming;

/// <summary>
/// The portable platform, chosen explicitly: what it must answer as glibc does (python3 on this machine), and what it
/// documents it cannot (aliases, Linux's numbers). Its getaddrinfo runs the whole oracle matrix in
/// <see cref="GetAddrInfoPythonOracleTests"/>; names from a hosts file of the test's own, in Sockit.Cli.Tests' ManagedPlatformTests.
/// </summary>
public sealed class ManagedSocketPlatformTests
{
    private readonly ManagedSocketPlatform _managed = new();

    [Fact]
    public void Current_ThisMachineHasGlibc_IsTheGlibcPlatform()
    {
        Assert.IsType<LinuxSocketPlatform>(SocketPlatform.Current);
    }

    [Fact]
    public async Task HostNameAndEntries_Localhost_MatchPython()
    {
        var expected = await Python.RunAsync("""
            import socket
            print(socket.gethostname())
            for name in ['localhost', '127.0.0.1']:
                print(socket.gethostbyname_ex(name))
            print(socket.gethostbyaddr('127.0.0.1'))
            print(socket.if_nametoindex('lo'))
            """);
        var lines = new List<string> { _managed.GetHostName() };
        lines.AddRange(new[] { "localhost", "127.0.0.1" }.Select(name => Py(_managed.GetHostByName(name))));
        lines.Add(Py(_managed.GetHostByAddr(IPAddress.Loopback)));
        lines.Add(_managed.GetInterfaceIndex("lo").ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected, string.Join('\n', lines) + "\n");
    }

    [Fact]
    public async Task SocketAddresses_UnboundAndConnected_MatchPython()
    {
        // getsockname on a new socket: the wildcard and port 0, which .NET's LocalEndPoint (null until bound) does not say.
        var expected = await Python.RunAsync("import socket; print(socket.socket().getsockname()); print(socket.socket(socket.AF_INET6).getsockname())");
        using var v4 = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var v6 = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
        Assert.Equal("('0.0.0.0', 0)\n('::', 0, 0, 0)\n", $"{PySockAddr(_managed.GetSocketAddress(v4, remote: false))}\n{PySockAddr(_managed.GetSocketAddress(v6, remote: false))}\n");
        Assert.Equal(expected, $"{PySockAddr(_managed.GetSocketAddress(v4, remote: false))}\n{PySockAddr(_managed.GetSocketAddress(v6, remote: false))}\n");
        Assert.Null(_managed.GetSocketAddress(v4, remote: true));

        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listener.LocalEndPoint!, TestContext.Current.CancellationToken);
        // glibc's getsockname and getpeername on the same socket are the oracle.
        var glibc = new LinuxSocketPlatform();
        Assert.Equal(glibc.GetSocketAddress(client, remote: false), _managed.GetSocketAddress(client, remote: false));
        Assert.Equal(glibc.GetSocketAddress(client, remote: true), _managed.GetSocketAddress(client, remote: true));
    }

    [Fact]
    public void Services_FromTheDatabaseItIsGiven()
    {
        // The services file or the embedded copy: here a database of the test's own, with hand-written answers.
        var services = ServicesDatabase.FromText("sockit-test\t4242/udp\talias-test\nsockit-both\t4343/tcp\nsockit-both\t4344/udp\n", ServicesSource.Embedded);
        var managed = new ManagedSocketPlatform(services);
        Assert.Equal(["Dgram Udp 127.0.0.1:4242"], Entries(managed.GetAddrInfo("127.0.0.1", "alias-test", 0, 0, 0, 0)));
        Assert.Equal(["Stream Tcp 127.0.0.1:4343", "Dgram Udp 127.0.0.1:4344"], Entries(managed.GetAddrInfo("127.0.0.1", "sockit-both", 0, 0, 0, 0)));
        var e = Assert.Throws<LookupException>(() => managed.GetAddrInfo("127.0.0.1", "sockit-test", 0, (int)SocketType.Stream, 0, 0));
        Assert.Equal("cannot resolve '127.0.0.1' service 'sockit-test': Servname not supported for ai_socktype", e.Message);
        Assert.Equal(SocketError.TypeNotFound, Assert.IsType<SocketException>(e.InnerException).SocketErrorCode);
    }

    [Fact]
    public async Task Constants_AreNumberedAsDotNetNumbersThem_NotAsLinux()
    {
        // What it documents it cannot say: the OS's own numbers. Linux's (python3 here) differ for AF_INET6.
        var linux = int.Parse(await Python.RunAsync("import socket; print(int(socket.AF_INET6))"), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(10, linux);
        Assert.Equal(23, (int)AddressFamily.InterNetworkV6);
        Assert.Contains(_managed.Constants.Families, c => c.Name == "AF_INET6" && c.Value == 23);
        Assert.Equal(23, _managed.ToOsFamily(AddressFamily.InterNetworkV6));
        Assert.Equal(AddressFamily.Unknown, _managed.FromOsFamily(linux));
        Assert.Equal(-1, _managed.ToOsFamily(AddressFamily.Packet));
        Assert.DoesNotContain(_managed.Constants.Types, c => c.Name == "SOCK_NONBLOCK");
    }

    [Fact]
    public void Entries_NoAliases_EvenWhereGlibcHasThem()
    {
        // What it documents it cannot say: .NET's resolver gives no aliases. (Names with aliases: Sockit.Cli.Tests' ManagedPlatformTests.)
        Assert.Empty(_managed.GetHostByName("localhost").Aliases);
        Assert.Empty(_managed.GetHostByAddr(IPAddress.Loopback).Aliases);
    }

    private static string[] Entries(IReadOnlyList<OsAddressInfo> entries) => [.. entries.Select(e => $"{e.SocketType} {e.Protocol} {e.EndPoint}")];

    private static string Py(OsHostEntry entry) =>
        $"('{entry.Name}', [{string.Join(", ", entry.Aliases.Select(a => $"'{a}'"))}], [{string.Join(", ", entry.Addresses.Select(a => $"'{a}'"))}])";

    private static string PySockAddr(EndPoint? endPoint) => endPoint is IPEndPoint { AddressFamily: AddressFamily.InterNetworkV6 } v6
        ? $"('{v6.Address}', {v6.Port}, 0, {v6.Address.ScopeId})"
        : endPoint is IPEndPoint v4 ? $"('{v4.Address}', {v4.Port})" : "None";
}
