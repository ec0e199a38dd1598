using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Netcat;

/// <summary>
/// <c>sockit listen --hex</c>: what arrives (<c>&lt;</c>) and what is sent (<c>&gt;</c>) on stderr in connect's
/// format, while stdout keeps the exact bytes; with several peers (-k, -u) each peer's chunks under a <c>== PEER</c>
/// line, with offsets of their own. And the address a UDP listener reports for each peer, checked against the
/// peers' own getsockname.
/// </summary>
public sealed partial class ListenHexTests
{
    [Fact]
    public async Task ListenHex_OneClient_DumpsBothDirectionsLikeConnect()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "--hex");
        await using (listen)
        {
            await listen.WriteStdinAsync("Yes, I can hear you.", close: true);
            var client = await Cli.RunProcessAsync(["connect", "127.0.0.1", P(port), "--hex", "--send", "Hey, can you hear me?"]);
            var server = await listen.WaitAsync();
            Assert.Equal((0, "Yes, I can hear you."), (client.ExitCode, client.Stdout));
            Assert.Equal((0, "Hey, can you hear me?"), (server.ExitCode, Encoding.UTF8.GetString(server.Stdout)));
            const string Hey = "00000000  48 65 79 2c 20 63 61 6e  20 79 6f 75 20 68 65 61  |Hey, can you hea|\n{0} 00000010  72 20 6d 65 3f                                    |r me?|\n";
            const string Yes = "00000000  59 65 73 2c 20 49 20 63  61 6e 20 68 65 61 72 20  |Yes, I can hear |\n{0} 00000010  79 6f 75 2e                                       |you.|\n";
            // The same lines on both sides, the arrows turned round.
            Assert.Contains("< " + string.Format(CultureInfo.InvariantCulture, Hey, '<'), server.Stderr, StringComparison.Ordinal);
            Assert.Contains("> " + string.Format(CultureInfo.InvariantCulture, Yes, '>'), server.Stderr, StringComparison.Ordinal);
            Assert.Contains("> " + string.Format(CultureInfo.InvariantCulture, Hey, '>'), client.Stderr, StringComparison.Ordinal);
            Assert.Contains("< " + string.Format(CultureInfo.InvariantCulture, Yes, '<'), client.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("== ", server.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ListenHex_KeepOpenReply_EachPeerUnderItsOwnLine()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "-k", "--reply", "pong", "--hex", "-v");
        await using (listen)
        {
            // Python's clients, so the test knows each one's address.
            var peers = await Python.RunAsync($"""
                import socket
                for text in (b'ping one', b'ping two'):
                    c = socket.create_connection(('127.0.0.1', {port}))
                    c.sendall(text)
                    assert c.recv(100) == b'pong'
                    print('%s:%d' % c.getsockname())
                    c.close()
                """);
            var (first, second) = (peers.Split('\n')[0], peers.Split('\n')[1]);
            await listen.WaitForStderrAsync($"closed {second}");
            var stderr = listen.Stderr;
            Assert.Contains($"== {first}\n< 00000000  70 69 6e 67 20 6f 6e 65 {Pad(8)}|ping one|\n> 00000000  70 6f 6e 67 {Pad(4)}|pong|\n", stderr, StringComparison.Ordinal);
            Assert.Contains($"== {second}\n< 00000000  70 69 6e 67 20 74 77 6f {Pad(8)}|ping two|\n> 00000000  70 6f 6e 67 {Pad(4)}|pong|\n", stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ListenUdp_ReportsEachPeerByTheAddressItSendsFrom_AndDumpsPerPeer()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "-u", "--echo", "--hex", "-v");
        await using (listen)
        {
            var output = await Python.RunAsync($$"""
                import socket
                peers = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(2)]
                for s in peers:
                    s.settimeout(5)
                    s.bind(('127.0.0.1', 0))
                for s in peers:
                    s.sendto(b'one', ('127.0.0.1', {{port}}))
                    assert s.recv(100) == b'one'
                peers[0].sendto(b'two', ('127.0.0.1', {{port}}))
                assert peers[0].recv(100) == b'two'
                for s in peers: print('%s:%d' % s.getsockname())
                """);
            var addresses = output.TrimEnd('\n').Split('\n');
            await listen.WaitForStderrAsync($"connection from {addresses[1]}");
            var stderr = listen.Stderr;
            Assert.Equal(addresses.Select(a => $"connection from {a}"), stderr.Split('\n').Where(l => l.StartsWith("connection from", StringComparison.Ordinal)));
            // The first peer's second datagram continues its own offsets (3), after the second peer's chunks.
            Assert.Contains(
                $"== {addresses[1]}\n< 00000000  6f 6e 65 {Pad(3)}|one|\n> 00000000  6f 6e 65 {Pad(3)}|one|\n== {addresses[0]}\n< 00000003  74 77 6f {Pad(3)}|two|\n> 00000003  74 77 6f {Pad(3)}|two|\n",
                stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ConnectUdp_ListenerReportsTheClientsOwnAddress_OverIpv6()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "-u", "--bind", "::1", "--reply", "pong", "-v");
        await using (listen)
        {
            var client = await Cli.RunProcessAsync(["connect", "-u", "::1", P(port), "--send", "ping", "--hex", "--idle-timeout", "0.5"]);
            Assert.Equal((0, "pong"), (client.ExitCode, client.Stdout));
            Assert.Contains("> 00000000  70 69 6e 67 ", client.Stderr, StringComparison.Ordinal);
            var line = await listen.WaitForStderrAsync("connection from");
            // An IPv6 peer, written [address]:port, from an ephemeral port (not the listener's).
            var match = Ipv6Peer().Match(line);
            Assert.True(match.Success, line);
            Assert.NotEqual(port, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>The spaces after a short line's last byte, up to the bar: three a missing byte, one between the halves, one before the bar.</summary>
    private static string Pad(int bytes) => new(' ', ((16 - bytes) * 3) + (bytes <= 8 ? 1 : 0) + 1);

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^connection from \[::1\]:(\d+)$")]
    private static partial Regex Ipv6Peer();
}
