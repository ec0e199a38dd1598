using System.Globalization;
using System.Text.Json;

namespace Sockit.Cli.Tests.Bench;

/// <summary>
/// sockit bench's two loops for TCP and Unix connections, each against the counting python3 echo servers
/// (<see cref="EchoPeers"/>): on Linux the one epoll thread (the default), and the task loops
/// (<c>SOCKIT_LOAD_LOOPS=tasks</c>, in a process of its own), where they could differ: pipelined corrupt echoes, a server
/// that closes connections mid-run, and Unix sockets. The server's own counts are the oracle.
/// </summary>
public sealed class BenchLoopTests
{
    public static TheoryData<string> Loops => ["epoll", "tasks"];

    [Theory]
    [MemberData(nameof(Loops))]
    public async Task Bench_PipelinedCorruptEchoes_MismatchesAreWhatTheServerCorrupted(string loop)
    {
        var (server, port) = await EchoPeers.StartTcpAsync(size: 100, corruptEvery: 7);
        await using (server)
        {
            var (exitCode, json) = await BenchJsonAsync(loop, "127.0.0.1", P(port), "-c", "3", "--size", "100", "--requests", "600", "--pipeline", "8");
            var (echoed, corrupted, _) = await EchoPeers.TcpCountsAsync(server);

            Assert.Equal(65, exitCode);
            Assert.Equal(600, json.GetProperty("roundTrips").GetInt64());
            Assert.Equal(echoed / 100, json.GetProperty("roundTrips").GetInt64());
            Assert.True(corrupted > 0, "the server corrupted nothing");
            Assert.Equal(corrupted, json.GetProperty("mismatches").GetInt64());
            Assert.Equal(0, json.GetProperty("errors").GetInt64());
        }
    }

    [Theory]
    [MemberData(nameof(Loops))]
    public async Task Bench_ServerClosesEveryConnectionMidRun_EachCloseIsOneErrorAndANewConnection(string loop)
    {
        // One connection at a time, so every close comes with messages in flight: the server closes after 7, by when
        // bench has sent the 8th and 9th (pipeline 3); so 100 messages take 10 connections, each closed by the server.
        var (server, port) = await EchoPeers.StartTcpAsync(size: 64, closeAfter: 7);
        await using (server)
        {
            var (exitCode, json) = await BenchJsonAsync(loop, "127.0.0.1", P(port), "-c", "1", "--requests", "100", "--pipeline", "3");
            var (echoed, _, closed) = await EchoPeers.TcpCountsAsync(server);

            Assert.Equal(74, exitCode);
            Assert.Equal(echoed / 64, json.GetProperty("roundTrips").GetInt64());
            Assert.Equal(70, json.GetProperty("roundTrips").GetInt64());
            Assert.Equal(10, closed);
            Assert.Equal(closed, json.GetProperty("errors").GetInt64());
            Assert.Equal(0, json.GetProperty("mismatches").GetInt64());
        }
    }

    [Theory]
    [MemberData(nameof(Loops))]
    public async Task Bench_UnixSocketServerCorrupts_CountsMatchTheServer(string loop)
    {
        var directory = Directory.CreateTempSubdirectory("sockit-bench-");
        var path = Path.Combine(directory.FullName, "echo.sock");
        try
        {
            await using var server = await EchoPeers.StartUnixAsync(path, size: 4096, corruptEvery: 5);
            var (exitCode, json) = await BenchJsonAsync(loop, "-U", path, "-c", "4", "--size", "4k", "--requests", "400", "--pipeline", "2");
            var (echoed, corrupted, _) = await EchoPeers.TcpCountsAsync(server);

            Assert.Equal(65, exitCode);
            Assert.Equal("unix", json.GetProperty("transport").GetString());
            Assert.Equal(400, json.GetProperty("roundTrips").GetInt64());
            Assert.Equal(echoed / 4096, json.GetProperty("roundTrips").GetInt64());
            Assert.True(corrupted > 0, "the server corrupted nothing");
            Assert.Equal(corrupted, json.GetProperty("mismatches").GetInt64());
            Assert.Equal(0, json.GetProperty("errors").GetInt64());
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Theory]
    [MemberData(nameof(Loops))]
    public async Task Bench_LargePipelinedMessagesForADuration_EveryByteTheServerEchoed(string loop)
    {
        // 64 KiB x 4 in flight a connection: sends wait for room while echoes come back.
        var (server, port) = await EchoPeers.StartTcpAsync(size: 65536);
        await using (server)
        {
            var (exitCode, json) = await BenchJsonAsync(loop, "127.0.0.1", P(port), "-c", "2", "--size", "64k", "--pipeline", "4", "--duration", "1s");
            var (echoed, _, _) = await EchoPeers.TcpCountsAsync(server);

            Assert.Equal(0, exitCode);
            Assert.True(json.GetProperty("roundTrips").GetInt64() > 0, "no round trip");
            Assert.Equal(echoed, json.GetProperty("bytes").GetInt64());
            Assert.Equal(0, json.GetProperty("mismatches").GetInt64());
            Assert.Equal(0, json.GetProperty("errors").GetInt64());
        }
    }

    // The default loop in this test process; the task loops in a process of their own, so the variable reaches no other test.
    private static async Task<(int ExitCode, JsonElement Json)> BenchJsonAsync(string loop, params string[] arguments)
    {
        string[] args = ["bench", .. arguments, "--format", "json"];
        var (exitCode, stdout, stderr) = loop == "tasks"
            ? await RunTasksAsync(args)
            : await RunHereAsync(args);
        Assert.True(stdout.Length > 0, $"no document; exit {exitCode}, stderr: {stderr}");
        using var document = JsonDocument.Parse(stdout);
        return (exitCode, document.RootElement.Clone());
    }

    private static async Task<(int, string, string)> RunHereAsync(string[] args)
    {
        var result = await Cli.RunAsync(args);
        return (result.ExitCode, result.Stdout, result.Stderr);
    }

    private static async Task<(int, string, string)> RunTasksAsync(string[] args)
    {
        var result = await Cli.RunProcessAsync(args, environment: new Dictionary<string, string> { ["SOCKIT_LOAD_LOOPS"] = "tasks" });
        return (result.ExitCode, result.Stdout, result.Stderr);
    }

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);
}
