using System.Text;
using System.Text.Json;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Netcat;

/// <summary>UDP with several peers, Unix sockets, IPv6, -z, --hex and Ctrl-C.</summary>
public sealed class NetcatModeTests
{
    [Fact]
    public async Task ListenUdp_SeveralPeers_EachGetsItsOwnAnswer()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "-u", "--echo", "-v");
        await using (listen)
        {
            // Three python3 clients on their own ports, interleaved: each must get back exactly its own datagrams.
            var output = await Python.RunAsync($$"""
                import socket
                peers = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(3)]
                for s in peers: s.settimeout(5)
                for round in range(2):
                    for i, s in enumerate(peers):
                        s.sendto(b'peer %d round %d' % (i, round), ('127.0.0.1', {{port}}))
                for i, s in enumerate(peers):
                    print(s.recvfrom(100)[0].decode(), '|', s.recvfrom(100)[0].decode())
                """);
            Assert.Equal("peer 0 round 0 | peer 0 round 1\npeer 1 round 0 | peer 1 round 1\npeer 2 round 0 | peer 2 round 1\n", output);
            await listen.WaitForStderrAsync("connection from");
            Assert.Equal(3, listen.Stderr.Split('\n').Count(l => l.StartsWith("connection from 127.0.0.1:", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task ConnectUdp_ToSockitReplyServer_GetsReplyAndExitsWhenQuiet()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "-u", "--reply", "pong");
        await using (listen)
        {
            var clients = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ =>
                Cli.RunProcessAsync(["connect", "-u", "127.0.0.1", P(port), "--send", "ping", "--idle-timeout", "0.5"])));
            Assert.All(clients, c => Assert.Equal((0, "pong"), (c.ExitCode, c.Stdout)));
        }
    }

    [Fact]
    public async Task ConnectUdp_NobodyListening_Refused69()
    {
        var port = FreePorts.Get(System.Net.Sockets.SocketType.Dgram);
        var result = await Cli.RunProcessAsync(["connect", "-u", "127.0.0.1", P(port), "--send", "anyone?"]);
        Assert.Equal(69, result.ExitCode);
        Assert.Contains("Connection refused", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnixSocket_SockitToSockit_EchoesAndRemovesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sockit-{Guid.NewGuid():N}.sock");
        var listen = BackgroundProcess.Sockit("listen", "-U", path, "--echo");
        await using (listen)
        {
            Assert.Contains(path, await listen.WaitForStderrAsync("listening on"), StringComparison.Ordinal);
            var result = await Cli.RunProcessAsync(["connect", "-U", path, "--send", "over unix"]);
            Assert.Equal((0, "over unix"), (result.ExitCode, result.Stdout));
            var server = await listen.WaitAsync();
            Assert.Equal(0, server.ExitCode);
            Assert.False(File.Exists(path));
        }
    }

    [Fact]
    public async Task UnixSocket_NcatClient_ReachesSockitListen()
    {
        var ncat = Peers.Require("ncat");
        var path = Path.Combine(Path.GetTempPath(), $"sockit-{Guid.NewGuid():N}.sock");
        var listen = BackgroundProcess.Sockit("listen", "-U", path);
        await using (listen)
        {
            await listen.WaitForStderrAsync("listening on");
            listen.Stdin.Close();
            var client = await ProcessRunner.RunAsync(ncat, ["-U", path], Encoding.UTF8.GetBytes("via ncat -U"), TimeSpan.FromSeconds(15));
            var server = await listen.WaitAsync();
            Assert.Equal(0, client.ExitCode);
            Assert.Equal("via ncat -U", Encoding.UTF8.GetString(server.Stdout));
        }
    }

    [Fact]
    public async Task Ipv6Loopback_SockitToSockit_Echoes()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "--bind", "::1", "--echo");
        await using (listen)
        {
            Assert.Contains("listening on [::1]:", listen.Stderr, StringComparison.Ordinal);
            var result = await Cli.RunProcessAsync(["connect", "-6", "::1", P(port), "--send", "six"]);
            Assert.Equal((0, "six"), (result.ExitCode, result.Stdout));
        }
    }

    [Fact]
    public async Task Connect_Ipv6ToNcatListener_Works()
    {
        var ncat = Peers.Require("ncat");
        var port = FreePorts.Get();
        await using var peer = BackgroundProcess.Start(ncat, "-v", "-6", "-l", "::1", P(port));
        await peer.WaitForStderrAsync("Listening on");
        peer.Stdin.Close();
        var result = await Cli.RunProcessAsync(["connect", "::1", P(port), "--send", "to ncat over ipv6"]);
        var ncatResult = await peer.WaitAsync();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("to ncat over ipv6", Encoding.UTF8.GetString(ncatResult.Stdout));
    }

    [Fact]
    public async Task Connect_Ipv4Only_DoesNotTryIpv6()
    {
        var result = await Cli.RunAsync("connect", "-4", "::1", "9");
        Assert.Equal(68, result.ExitCode);
        Assert.Contains("address ::1 is not IPv4", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Zero_OpenAndClosedPorts_ExitCodesAndLines()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "-k");
        await using (listen)
        {
            var closed = FreePorts.Get();
            var open = await Cli.RunAsync("connect", "-z", "127.0.0.1", P(port));
            Assert.Equal(0, open.ExitCode);
            Assert.Equal($"127.0.0.1 port {port} (127.0.0.1:{port}): open\n", open.Stdout);
            var shut = await Cli.RunAsync("connect", "-z", "127.0.0.1", P(closed));
            Assert.Equal(1, shut.ExitCode);
            Assert.Equal($"127.0.0.1 port {closed}: closed (Connection refused)\n", shut.Stdout);
        }
    }

    [Fact]
    public async Task Zero_Range_OneLineAPortAndJsonLines()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "-k");
        await using (listen)
        {
            var result = await Cli.RunAsync("connect", "-z", "127.0.0.1", $"{port - 1}-{port + 1}", "--format", "json");
            Assert.Equal(0, result.ExitCode);
            var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(3, lines.Length);
            var open = lines.Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.GetProperty("open").GetBoolean()).ToList();
            Assert.Equal(port, Assert.Single(open).GetProperty("port").GetInt32());
        }
    }

    [Fact]
    public async Task Zero_PythonFormat_EqualsConnectExOnThisMachine()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "-k");
        await using (listen)
        {
            var closed = FreePorts.Get();
            var expected = await Python.RunAsync($"""
                import socket
                for port in ({port}, {closed}):
                    s = socket.socket(); print(repr(s.connect_ex(('127.0.0.1', port)))); s.close()
                """);
            var open = await Cli.RunAsync("connect", "-z", "127.0.0.1", P(port), "--format", "python");
            var shut = await Cli.RunAsync("connect", "-z", "127.0.0.1", P(closed), "--format", "python");
            Assert.Equal(expected, open.Stdout + shut.Stdout);
        }
    }

    [Fact]
    public async Task Hex_DumpsBothDirectionsToStderr_DataStaysExact()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "--reply", "Yes, I can hear you.");
        await using (listen)
        {
            var result = await Cli.RunProcessAsync(["connect", "127.0.0.1", P(port), "--hex", "--send", "Hey, can you hear me?"]);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("Yes, I can hear you.", result.Stdout);
            Assert.Contains("> 00000000  48 65 79 2c 20 63 61 6e  20 79 6f 75 20 68 65 61  |Hey, can you hea|\n> 00000010  72 20 6d 65 3f ", result.Stderr, StringComparison.Ordinal);
            Assert.Contains("< 00000000  59 65 73 2c 20 49 20 63  61 6e 20 68 65 61 72 20  |Yes, I can hear |\n< 00000010  79 6f 75 2e ", result.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Listen_CtrlC_ClosesCleanlyAndRemovesUnixSocket()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sockit-{Guid.NewGuid():N}.sock");
        var listen = BackgroundProcess.Sockit("listen", "-U", path, "-k");
        await using (listen)
        {
            await listen.WaitForStderrAsync("listening on");
            Assert.True(File.Exists(path));
            await listen.SignalAsync("INT");
            var result = await listen.WaitAsync();
            Assert.Equal(130, result.ExitCode);
            Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
            Assert.False(File.Exists(path));
        }
    }

    [Fact]
    public async Task Listen_StdinGoesToThePeer_AndPeerCloseEndsIt()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0");
        await using (listen)
        {
            await listen.WriteStdinAsync("from the server\n", close: true);
            var client = await Cli.RunProcessAsync(["connect", "127.0.0.1", P(port), "--send", "from the client\n"]);
            var server = await listen.WaitAsync();
            Assert.Equal((0, "from the server\n"), (client.ExitCode, client.Stdout));
            Assert.Equal((0, "from the client\n"), (server.ExitCode, Encoding.UTF8.GetString(server.Stdout)));
            Assert.Contains("connection from 127.0.0.1:", server.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Listen_IdleClient_IsClosed()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "-k", "--echo", "--idle-timeout", "0.5", "-v");
        await using (listen)
        {
            // The client never ends its side; the server closes it after half a second of silence, and the client exits.
            var client = await Cli.RunProcessAsync(["connect", "127.0.0.1", P(port), "--no-shutdown", "--send", "then silence"]);
            Assert.Equal((0, "then silence"), (client.ExitCode, client.Stdout));
            Assert.Contains("sent nothing for 0.5 s", await listen.WaitForStderrAsync("closed"), StringComparison.Ordinal);
        }
    }

    private static string P(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
