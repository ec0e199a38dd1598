using System.Globalization;
using System.Text.Json;
using Sockit.Cli.Tests.Netcat;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Bench;

/// <summary>
/// sockit bench against real echo servers on loopback (python3 asyncio, ncat --exec /bin/cat, socat EXEC:cat), its
/// counts checked against what the server itself counted, and its JSON read with a JSON parser.
/// </summary>
public sealed class BenchPeerTests
{
    [Fact]
    public async Task Bench_PythonEchoServer_RoundTripsMatchWhatTheServerEchoed()
    {
        var (server, port) = await EchoPeers.StartTcpAsync(size: 64);
        await using (server)
        {
            var (result, json) = await BenchJsonAsync("127.0.0.1", P(port), "-c", "3", "--requests", "1000");
            var (echoed, _, _) = await EchoPeers.TcpCountsAsync(server);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal(1, json.GetProperty("version").GetInt32());
            Assert.Equal("tcp", json.GetProperty("transport").GetString());
            Assert.Equal($"127.0.0.1:{port}", json.GetProperty("target").GetString());
            Assert.Equal(3, json.GetProperty("connections").GetInt32());
            Assert.Equal(1000, json.GetProperty("roundTrips").GetInt64());
            Assert.Equal(64_000, json.GetProperty("bytes").GetInt64());
            Assert.Equal(echoed, json.GetProperty("bytes").GetInt64());
            Assert.Equal(0, json.GetProperty("errors").GetInt64());
            Assert.Equal(0, json.GetProperty("mismatches").GetInt64());
            Assert.False(json.TryGetProperty("firstError", out _));
            Assert.Equal(1000, json.GetProperty("histogram").EnumerateArray().Sum(b => b.GetProperty("count").GetInt64()));
            var latency = json.GetProperty("latencyMicroseconds");
            Assert.InRange(latency.GetProperty("p50").GetDouble(), 0.1, latency.GetProperty("max").GetDouble());
        }
    }

    [Fact]
    public async Task Bench_ServerCorruptsEveryTenthMessage_MismatchesCountedAndExit65()
    {
        var (server, port) = await EchoPeers.StartTcpAsync(size: 100, corruptEvery: 10);
        await using (server)
        {
            var (result, json) = await BenchJsonAsync("127.0.0.1", P(port), "-c", "2", "--size", "100", "--requests", "200", "--pipeline", "4");
            var (echoed, corrupted, _) = await EchoPeers.TcpCountsAsync(server);

            Assert.Equal(65, result.ExitCode);
            Assert.Equal(echoed / 100, json.GetProperty("roundTrips").GetInt64());
            Assert.True(corrupted > 0, "the server corrupted nothing");
            Assert.Equal(corrupted, json.GetProperty("mismatches").GetInt64());
            Assert.Equal(0, json.GetProperty("errors").GetInt64());
        }
    }

    [Fact]
    public async Task Bench_ServerClosesAfterTenMessages_ErrorsCountedAndExit74()
    {
        var (server, port) = await EchoPeers.StartTcpAsync(size: 64, closeAfter: 10);
        await using (server)
        {
            var (result, json) = await BenchJsonAsync("127.0.0.1", P(port), "-c", "2", "--requests", "100");
            var (echoed, _, closed) = await EchoPeers.TcpCountsAsync(server);

            Assert.Equal(74, result.ExitCode);
            Assert.Equal(echoed / 64, json.GetProperty("roundTrips").GetInt64());
            // Each close came while bench waited for the next echo: one error each, and a new connection.
            Assert.True(closed > 0, "the server closed nothing");
            Assert.Equal(closed, json.GetProperty("errors").GetInt64());
            Assert.Equal(0, json.GetProperty("mismatches").GetInt64());
            // A FIN when the server had read everything bench sent, a reset when the next message was still unread.
            Assert.Contains(json.GetProperty("firstError").GetString(), (string[])["the server closed the connection with 1 message unanswered", "Connection reset by peer (errno 104)"]);
        }
    }

    [Fact]
    public async Task Bench_NcatExecCat_RunsForTheDurationWithoutMismatches()
    {
        var ncat = Peers.Require("ncat");
        var port = FreePorts.Get();
        await using var peer = BackgroundProcess.Start(ncat, "-k", "-l", "127.0.0.1", P(port), "--exec", "/bin/cat");
        await BackgroundProcess.WaitForTcpPortAsync(port);
        var (result, json) = await BenchJsonAsync("127.0.0.1", P(port), "-c", "4", "--duration", "1s", "--size", "1k");

        Assert.Equal(0, result.ExitCode);
        var roundTrips = json.GetProperty("roundTrips").GetInt64();
        Assert.True(roundTrips > 0, "no round trip");
        Assert.Equal(roundTrips * 1024, json.GetProperty("bytes").GetInt64());
        Assert.Equal(0, json.GetProperty("mismatches").GetInt64());
        Assert.InRange(json.GetProperty("seconds").GetDouble(), 1.0, 10.0);
    }

    [Fact]
    public async Task Bench_UnixSocketSocatCat_EveryRequestEchoed()
    {
        var socat = Peers.Require("socat");
        var directory = Directory.CreateTempSubdirectory("sockit-bench-");
        var path = Path.Combine(directory.FullName, "echo.sock");
        try
        {
            await using var peer = BackgroundProcess.Start(socat, $"UNIX-LISTEN:{path},fork", "EXEC:/bin/cat");
            for (var i = 0; i < 300 && !File.Exists(path); i++)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
            var (result, json) = await BenchJsonAsync("-U", path, "-c", "2", "--requests", "300", "--pipeline", "3", "--size", "64k");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("unix", json.GetProperty("transport").GetString());
            Assert.Equal(path, json.GetProperty("target").GetString());
            Assert.Equal(300, json.GetProperty("roundTrips").GetInt64());
            Assert.Equal(300L * 65536, json.GetProperty("bytes").GetInt64());
            Assert.Equal(0, json.GetProperty("mismatches").GetInt64());
            Assert.Equal(0, json.GetProperty("errors").GetInt64());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Bench_Udp_RoundTripsMatchTheServersEchoes()
    {
        var (server, port) = await EchoPeers.StartUdpAsync();
        await using (server)
        {
            var (result, json) = await BenchJsonAsync("127.0.0.1", P(port), "-u", "-c", "4", "--requests", "400");
            var (echoed, _) = await EchoPeers.UdpCountsAsync(server, 400);

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("udp", json.GetProperty("transport").GetString());
            Assert.Equal(400, json.GetProperty("roundTrips").GetInt64());
            Assert.Equal(echoed, json.GetProperty("roundTrips").GetInt64());
            Assert.Equal(0, json.GetProperty("mismatches").GetInt64());
        }
    }

    [Fact]
    public async Task Bench_UdpServerDropsEveryTenth_EachLossIsAnErrorAndNothingHangs()
    {
        var (server, port) = await EchoPeers.StartUdpAsync(dropEvery: 10);
        await using (server)
        {
            var (result, json) = await BenchJsonAsync("127.0.0.1", P(port), "-u", "-c", "5", "--requests", "50", "--echo-timeout", "500ms");
            var (echoed, dropped) = await EchoPeers.UdpCountsAsync(server, 50);

            Assert.Equal(74, result.ExitCode);
            Assert.Equal(5, dropped);
            Assert.Equal(echoed, json.GetProperty("roundTrips").GetInt64());
            Assert.Equal(dropped, json.GetProperty("errors").GetInt64());
            Assert.Equal("no echo of a datagram within 0.5 s", json.GetProperty("firstError").GetString());
        }
    }

    [Fact]
    public async Task Bench_RefusedPort_OneLineAndExit69()
    {
        var port = FreePorts.Get();
        var result = await Cli.RunAsync("bench", "127.0.0.1", P(port), "--requests", "10");

        Assert.Equal(69, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"sockit: connect to 127.0.0.1 port {port} failed: Connection refused (is an echo server listening on port {port}? 'sockit listen {port} -k --echo' starts one)\n", result.Stderr);
    }

    [Fact]
    public async Task Bench_RefusedUdpPort_OneLineAndExit69()
    {
        var port = FreePorts.Get(System.Net.Sockets.SocketType.Dgram);
        var result = await Cli.RunAsync("bench", "127.0.0.1", P(port), "-u", "-c", "1", "--requests", "10");

        Assert.Equal(69, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"sockit: UDP datagram to 127.0.0.1:{port} refused: Connection refused (is a UDP echo server listening on port {port}? 'sockit listen -u {port} --echo' starts one)\n", result.Stderr);
    }

    [Fact]
    public async Task Bench_Text_SummaryLines()
    {
        var (server, port) = await EchoPeers.StartTcpAsync(size: 64);
        await using (server)
        {
            var result = await Cli.RunAsync("bench", "127.0.0.1", P(port), "-c", "1", "--requests", "20");

            Assert.Equal(0, result.ExitCode);
            var lines = result.Stdout.Split('\n');
            Assert.Equal($"target       127.0.0.1:{port} (tcp), 1 connection, 64 B messages, pipeline 1", lines[0]);
            Assert.StartsWith("round trips  20 in ", lines[1], StringComparison.Ordinal);
            Assert.StartsWith("latency      p50 ", lines[3], StringComparison.Ordinal);
            Assert.Equal("errors       0", lines[4]);
            Assert.Equal("mismatches   0", lines[5]);
            // Not a terminal: no live line on stderr, and no histogram.
            Assert.Equal("", result.Stderr);
            Assert.Equal(7, lines.Length);
        }
    }

    private static async Task<(CliResult Result, JsonElement Json)> BenchJsonAsync(params string[] arguments)
    {
        var result = await Cli.RunAsync(["bench", .. arguments, "--format", "json"]);
        Assert.True(result.Stdout.Length > 0, $"no document; exit {result.ExitCode}, stderr: {result.Stderr}");
        using var document = JsonDocument.Parse(result.Stdout);
        return (result, document.RootElement.Clone());
    }

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);
}
