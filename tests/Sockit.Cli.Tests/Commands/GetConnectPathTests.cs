using System.Net;
using System.Net.Sockets;
using Sockit.Servers;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Commands;

/// <summary>
/// <c>sockit get</c> connects through the library's one connect path (Connector): every address of a name in turn,
/// shown by a name with an IPv6 and an IPv4 address in a hosts file of this test's own (bind-mounted in a private
/// mount namespace, with an nsswitch.conf that reads only files, so nothing reaches a DNS server).
/// </summary>
public sealed class GetConnectPathTests : IDisposable
{
    private const string Name = "dual.sockit.test";
    private readonly string _dir = Directory.CreateTempSubdirectory("sockit-get-dual-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<ProcessResult> RunInNamespaceAsync(string sockitArguments)
    {
        var hosts = Path.Combine(_dir, "hosts");
        var nsswitch = Path.Combine(_dir, "nsswitch.conf");
        await File.WriteAllTextAsync(hosts, $"::1\t{Name}\n127.0.0.1\t{Name}\n", TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(nsswitch, "hosts: files\n", TestContext.Current.CancellationToken);
        return await MountNamespace.RunAsync(
            $"mount --bind {MountNamespace.Quote(hosts)} /etc/hosts && mount --bind {MountNamespace.Quote(nsswitch)} /etc/nsswitch.conf && exec {Cli.ShellCommand} {sockitArguments}",
            TimeSpan.FromSeconds(20));
    }

    private static int ClosedPort()
    {
        // A port free on both loopbacks at the moment of asking: bound on ::1 and 127.0.0.1, then released.
        using var v6 = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp);
        v6.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        var port = ((IPEndPoint)v6.LocalEndPoint!).Port;
        using var v4 = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        v4.Bind(new IPEndPoint(IPAddress.Loopback, port));
        return port;
    }

    [Fact]
    public async Task Get_NameWithTwoAddressesServerOnIpv4Only_FallsBackAndFetches()
    {
        await using var server = ScriptedHttpServer.Start("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray());
        var result = await RunInNamespaceAsync($"get -v http://{Name}:{server.Port}/");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ok", result.Stdout);
        // getaddrinfo puts ::1 first (RFC 6724: loopback to loopback); it is refused, said so, and 127.0.0.1 is tried next.
        var steps = result.Stderr.Split('\n').Where(l => l.StartsWith("* ", StringComparison.Ordinal)).Take(5).ToArray();
        Assert.Equal(
            [$"* resolving {Name}", $"* {Name} is ::1, 127.0.0.1", $"* connecting to [::1]:{server.Port}", $"* [::1]:{server.Port}: Connection refused (ConnectionRefused)", $"* connecting to 127.0.0.1:{server.Port}"],
            steps);
        Assert.Contains($"* connected to 127.0.0.1:{server.Port} from 127.0.0.1:", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NameWithTwoAddressesNothingListening_Exits69NamingBothAddresses()
    {
        var port = ClosedPort();
        var result = await RunInNamespaceAsync($"get http://{Name}:{port}/");
        Assert.Equal(69, result.ExitCode);
        Assert.Matches($@"^sockit: cannot connect to {Name}:{port}: connection refused by \[::1\]:{port}, 127\.0\.0\.1:{port} \(is a server listening on port {port}\?\)\n$", result.Stderr);
    }

    [Fact]
    public async Task Connect_NameWithTwoAddressesNothingListening_Exits69NamingBothAddresses()
    {
        var port = ClosedPort();
        var result = await RunInNamespaceAsync($"connect {Name} {port}");
        Assert.Equal(69, result.ExitCode);
        Assert.Matches($@"^sockit: connect to {Name} \(127\.0\.0\.1\) port {port} failed: Connection refused \[tried ::1, 127\.0\.0\.1\] \(is anything listening on that port\?\)\n$", result.Stderr);
    }
}
