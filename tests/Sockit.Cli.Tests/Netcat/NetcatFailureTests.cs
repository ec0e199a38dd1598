using System.Net;
using System.Net.Sockets;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Netcat;

/// <summary>Each way a connection fails, with its exit code (docs/ARCHITECTURE.md, "Exit codes") and a line that says why.</summary>
public sealed class NetcatFailureTests
{
    [Fact]
    public async Task Connect_NothingListening_Refused69()
    {
        var port = FreePorts.Get();
        var result = await Cli.RunAsync("connect", "127.0.0.1", P(port));
        Assert.Equal(69, result.ExitCode);
        Assert.Equal($"sockit: connect to 127.0.0.1 port {port} failed: Connection refused (is anything listening on that port?)\n", result.Stderr);
    }

    [Fact]
    public async Task Connect_LocalhostRefused_NamesTheHostAndAddress()
    {
        var port = FreePorts.Get();
        var result = await Cli.RunAsync("connect", "localhost", P(port));
        Assert.Equal(69, result.ExitCode);
        Assert.StartsWith($"sockit: connect to localhost (", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Connection refused", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Connect_NoRoute_Unreachable69()
    {
        // A private network namespace has only a loopback interface, and it is down: nothing can leave, and connect says why.
        Peers.RequireRoot();
        var unshare = Peers.Require("unshare");
        var result = await ProcessRunner.RunAsync(unshare, ["-n", Cli.DotnetPath, "exec", Cli.ProgramPath, "connect", "127.0.0.1", "9"], timeout: TimeSpan.FromSeconds(15));
        Assert.Equal(69, result.ExitCode);
        Assert.Equal("sockit: connect to 127.0.0.1 port 9 failed: Network is unreachable (check the address, the interface and the routes)\n", result.Stderr);
    }

    [Fact]
    public async Task Connect_UnknownHost_NotFound68WithResolverReason()
    {
        // Only the hosts file answers (no DNS server is asked): the name is unknown without any traffic.
        var script = $"""
            set -e
            dir=$(mktemp -d)
            echo 'hosts: files' > "$dir/nsswitch.conf"
            echo 'nameserver 127.0.0.1' > "$dir/resolv.conf"
            mount --bind "$dir/nsswitch.conf" /etc/nsswitch.conf
            mount --bind "$dir/resolv.conf" /etc/resolv.conf
            set +e
            {Cli.ShellCommand} connect nohost.invalid 80
            """;
        var result = await MountNamespace.RunAsync(script, TimeSpan.FromSeconds(15));
        Assert.Equal(68, result.ExitCode);
        Assert.Equal("sockit: cannot resolve 'nohost.invalid': Name or service not known (check the spelling, or give an address such as 127.0.0.1)\n", result.Stderr);
    }

    [Fact]
    public async Task Connect_BacklogFull_TimedOut75()
    {
        // A listener that never accepts, with its queue full: Linux drops further SYNs, so connect waits until the timeout.
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        server.Listen(0);
        var port = ((IPEndPoint)server.LocalEndPoint!).Port;
        var fillers = new List<Socket>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                fillers.Add(filler);
                using var quick = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
                try
                {
                    await filler.ConnectAsync(IPAddress.Loopback, port, quick.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            var result = await Cli.RunAsync("connect", "127.0.0.1", P(port), "--connect-timeout", "0.5");
            Assert.Equal(75, result.ExitCode);
            Assert.Equal($"sockit: connect to 127.0.0.1 port {port} timed out after 0.5 s (is a firewall dropping packets? try a longer --connect-timeout)\n", result.Stderr);
        }
        finally
        {
            fillers.ForEach(f => f.Dispose());
        }
    }

    [Fact]
    public async Task Connect_PeerResets_Reset74()
    {
        var (python, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + """
            import struct
            conn, _ = srv.accept()
            conn.recv(10)
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack('ii', 1, 0))
            conn.close()
            """);
        await using (python)
        {
            var result = await Cli.RunProcessAsync(["connect", "127.0.0.1", P(port), "--no-shutdown", "--send", "hello"]);
            Assert.Equal(74, result.ExitCode);
            Assert.Equal($"sockit: connection to 127.0.0.1:{port} reset by peer (the peer aborted the connection; its own log may say why)\n", result.Stderr);
        }
    }

    [Fact]
    public async Task Listen_PortInUse_Unavailable69NamingThePort()
    {
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen();
        var port = ((IPEndPoint)holder.LocalEndPoint!).Port;
        var result = await Cli.RunAsync("listen", P(port));
        Assert.Equal(69, result.ExitCode);
        Assert.Equal($"sockit: cannot listen on 127.0.0.1:{port}: Address already in use (another program holds port {port}: stop it or pick another port)\n", result.Stderr);
    }

    [Fact]
    public async Task Connect_IdleTimeout_TimedOut75()
    {
        var (python, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + """
            import time
            conn, _ = srv.accept()
            time.sleep(10)
            """);
        await using (python)
        {
            var result = await Cli.RunAsync(["connect", "127.0.0.1", P(port), "--no-shutdown", "--idle-timeout", "0.5"], stdin: [], TestContext.Current.CancellationToken);
            Assert.Equal(75, result.ExitCode);
            Assert.Equal($"sockit: connection to 127.0.0.1:{port} idle for 0.5 s: timed out (no data either way; raise --idle-timeout)\n", result.Stderr);
        }
    }

    [Theory]
    [InlineData(new[] { "connect", "localhost" }, "give a host and a port")]
    [InlineData(new[] { "connect", "localhost", "70000" }, "port 70000 is out of range")]
    [InlineData(new[] { "connect", "localhost", "8000-8010" }, "ranges are for -z only")]
    [InlineData(new[] { "connect", "localhost", "80", "-4", "-6" }, "give -4 or -6, not both")]
    [InlineData(new[] { "connect", "localhost", "80", "--connect-timeout", "0" }, "--connect-timeout takes a duration: 500ms, 2s, 1m or seconds such as 2.5, greater than 0")]
    [InlineData(new[] { "connect", "", "80" }, "the host is empty")]
    [InlineData(new[] { "connect", " ", "80" }, "the host is empty")]
    [InlineData(new[] { "connect", "-U", "" }, "-U takes the path of a Unix socket, not an empty string")]
    [InlineData(new[] { "listen", "-U", "" }, "-U takes the path of a Unix socket, not an empty string")]
    [InlineData(new[] { "listen", "0", "--bind", "" }, "--bind is empty")]
    [InlineData(new[] { "connect", "-z", "localhost", "90-80" }, "runs backwards")]
    [InlineData(new[] { "listen" }, "give a port to listen on")]
    [InlineData(new[] { "listen", "0", "--echo", "--reply", "x" }, "give --echo or --reply TEXT, not both")]
    [InlineData(new[] { "listen", "0", "--max-clients", "0" }, "--max-clients takes a number")]
    public async Task BadInput_Usage64_OneLine(string[] args, string expected)
    {
        var result = await Cli.RunAsync(args);
        Assert.Equal(64, result.ExitCode);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task Connect_UnknownServiceName_NotFound68()
    {
        var result = await Cli.RunAsync("connect", "127.0.0.1", "no-such-service");
        Assert.Equal(68, result.ExitCode);
        Assert.StartsWith("sockit: ", result.Stderr, StringComparison.Ordinal);
    }

    private static string P(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
