using System.Security.Cryptography;
using System.Text;
using Sockit.Cli.Tests.Netcat;
using Sockit.Testing;
using static Sockit.Cli.Tests.Exec.ExecPeers;

namespace Sockit.Cli.Tests.Exec;

/// <summary><c>sockit listen --exec</c> and <c>--sh-exec</c> against real clients (ncat, python3), bytes checked by SHA-256.</summary>
public sealed class ExecListenTests
{
    [Fact]
    public async Task ListenExecCat_NcatSends4MiB_GetsEveryByteBackAndExits0()
    {
        var ncat = Peers.Require("ncat");
        var data = RandomBytes(4 * 1024 * 1024);
        var (listen, port) = await ListenAsync("--exec", "/bin/cat");
        await using (listen)
        {
            var client = await ProcessRunner.RunAsync(ncat, ["127.0.0.1", P(port)], data, TimeSpan.FromSeconds(30));
            var server = await listen.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(0, client.ExitCode);
            Assert.Equal(Sha256(data), Sha256(client.StdoutBytes));
            Assert.Equal(0, server.ExitCode);
            // stdout is the program's, not sockit's: nothing of the peer's bytes lands there.
            Assert.Empty(server.Stdout);
        }
    }

    [Fact]
    public async Task ListenExecCat_PythonSends8MiBAndHalfCloses_GetsEveryByteBackThenEndOfFile()
    {
        var data = RandomBytes(8 * 1024 * 1024);
        var (listen, port) = await ListenAsync("--exec", "cat");
        await using (listen)
        {
            var client = await PythonSendAndReadAsync(port, data);
            var server = await listen.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(0, client.ExitCode);
            Assert.Equal(data.Length, client.StdoutBytes.Length);
            Assert.Equal(Sha256(data), Sha256(client.StdoutBytes));
            Assert.Equal(0, server.ExitCode);
        }
    }

    [Fact]
    public async Task ListenExecSha256sum_PeerHalfCloses_StillReceivesTheDigest()
    {
        // sha256sum answers only after end-of-file: the peer's half-close must reach its stdin while the connection
        // stays open for the answer (ncat 7.93's -e closes the connection instead, and the answer is lost: nmap#2510).
        var data = RandomBytes(1024 * 1024);
        var (listen, port) = await ListenAsync("--exec", "sha256sum");
        await using (listen)
        {
            var client = await PythonSendAndReadAsync(port, data);
            var server = await listen.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(Sha256(data).ToLowerInvariant() + "  -\n", client.Stdout);
            Assert.Equal(0, server.ExitCode);
        }
    }

    [Fact]
    public async Task ListenExec_WordsAfterExecThatLookLikeSockitsFlags_AreTheProgramsArgumentsExactly()
    {
        // -k, -u and --help are sockit's flags too; after --exec they are printf's words, exactly, with no shell
        // between (no $HOME expansion, no splitting), and an empty word stays an empty word.
        var (listen, port) = await ListenAsync("--exec", "printf", "[%s]", "", "-k", "-u", "$HOME", "a  b", "--help", "--");
        await using (listen)
        {
            var client = await PythonSendAndReadAsync(port, []);
            var server = await listen.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal("[][-k][-u][$HOME][a  b][--help][--]", client.Stdout);
            Assert.Equal(0, server.ExitCode);
        }
    }

    [Fact]
    public async Task ListenShExec_JsonFormat_ExitedEventHasThePidAndStatus()
    {
        var (listen, port) = await ListenAsync("--format", "json", "--sh-exec", "echo $$; exit 4");
        await using (listen)
        {
            var client = await PythonSendAndReadAsync(port, []);
            var server = await listen.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(0, server.ExitCode);
            var pid = client.Stdout.Trim();
            var lines = Encoding.UTF8.GetString(server.Stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.StartsWith("{\"version\":1,\"event\":\"listening\",", lines[0], StringComparison.Ordinal);
            Assert.Contains("\"mode\":\"exec\"", lines[0], StringComparison.Ordinal);
            var exited = Assert.Single(lines, l => l.Contains("\"event\":\"exited\"", StringComparison.Ordinal));
            Assert.Matches($"^{{\"version\":1,\"event\":\"exited\",\"peer\":\"127\\.0\\.0\\.1:\\d+\",\"bytesSent\":{pid.Length + 1},\"bytesReceived\":0,\"pid\":{pid},\"status\":4}}$", exited);
        }
    }

    [Fact]
    public async Task ListenShExecTr_NcatClient_GetsItUpperCased()
    {
        var ncat = Peers.Require("ncat");
        var (listen, port) = await ListenAsync("--sh-exec", "tr a-z A-Z | tr -d '\\r'");
        await using (listen)
        {
            var client = await ProcessRunner.RunAsync(ncat, ["127.0.0.1", P(port)], Encoding.UTF8.GetBytes("hello, world\r\n"), TimeSpan.FromSeconds(15));
            var server = await listen.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal("HELLO, WORLD\n", client.Stdout);
            Assert.Equal(0, server.ExitCode);
        }
    }

    [Fact]
    public async Task ListenExec_ProgramExitsEarlyWhilePeerSends_ConnectionEndsAfterItsLastByte()
    {
        // head reads 10 bytes, writes them and exits while the peer is still sending 2 MiB: the peer gets exactly
        // those 10 bytes and then end-of-file (no reset), and sockit exits 0.
        var data = RandomBytes(2 * 1024 * 1024);
        var (listen, port) = await ListenAsync("--exec", "head", "-c", "10");
        await using (listen)
        {
            var client = await PythonSendAndReadAsync(port, data);
            var server = await listen.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(0, client.ExitCode);
            Assert.Equal(data[..10], client.StdoutBytes);
            Assert.Equal(0, server.ExitCode);
        }
    }

    [Fact]
    public async Task ListenShExec_ProgramWritesAndExitsAtOnce_PeerThatSendsNothingGetsItAndEndOfFile()
    {
        var (listen, port) = await ListenAsync("--sh-exec", "printf 'early bird'");
        await using (listen)
        {
            var started = DateTime.UtcNow;
            using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            await socket.ConnectAsync(System.Net.IPAddress.Loopback, port, TestContext.Current.CancellationToken);
            var received = new MemoryStream();
            var buffer = new byte[4096];
            int n;
            while ((n = await socket.ReceiveAsync(buffer)) > 0)
            {
                received.Write(buffer, 0, n);
            }
            Assert.Equal("early bird", Encoding.UTF8.GetString(received.ToArray()));
            // The end-of-file came after the program's last byte, not after some timeout of sockit's.
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
            socket.Close();
            var server = await listen.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(0, server.ExitCode);
        }
    }

    [Fact]
    public async Task ListenShExec_NonZeroStatus_OneLineOnStderrAndExit0()
    {
        var ncat = Peers.Require("ncat");
        var (listen, port) = await ListenAsync("--sh-exec", "echo bye; exit 3");
        await using (listen)
        {
            var client = await ProcessRunner.RunAsync(ncat, ["127.0.0.1", P(port)], [], TimeSpan.FromSeconds(15));
            var server = await listen.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal("bye\n", client.Stdout);
            Assert.Equal(0, server.ExitCode);
            var line = Assert.Single(server.Stderr.Split('\n'), l => l.Contains("exited", StringComparison.Ordinal));
            Assert.Matches(@"^program /bin/sh -c 'echo bye; exit 3' \(pid \d+, for 127\.0\.0\.1:\d+\) exited with status 3$", line);
        }
    }

    [Fact]
    public async Task ListenExec_ProgramNeverReadsAndPeerSends64MiB_PeersSendBlocksAndMemoryStaysBounded()
    {
        // sleep never reads its stdin: sockit stops reading the peer when the pipe is full, so the peer's send blocks
        // (only the socket and pipe buffers fill, a few MiB) and sockit's memory does not grow with what is sent.
        var (listen, port) = await ListenAsync("--exec", "sleep", "60");
        await using (listen)
        {
            var script = """
                import socket, sys
                s = socket.create_connection(('127.0.0.1', int(sys.argv[1])))
                s.settimeout(2.0)
                chunk = b'x' * 65536
                sent = 0
                try:
                    while sent < 64 * 1024 * 1024:
                        sent += s.send(chunk)
                except socket.timeout:
                    pass
                print('sent', sent, file=sys.stderr, flush=True)
                sys.stdin.read()
                """;
            await using var client = BackgroundProcess.Start(Peers.Require("python3"), "-u", "-c", script, P(port));
            var sent = (await client.WaitForStderrAsync("sent ", TimeSpan.FromSeconds(60)))["sent ".Length..].Trim();
            var rss = ResidentKib(listen.Id);
            Assert.True(long.Parse(sent, System.Globalization.CultureInfo.InvariantCulture) < 32L * 1024 * 1024, $"the peer sent {sent} bytes without blocking");
            Assert.True(rss < 200 * 1024, $"sockit's VmRSS is {rss} KiB");
        }
    }

    [Fact]
    public async Task ListenKeepOpenShExec_ThreeClientsAtOnce_EachGetsItsOwnProcess()
    {
        var (listen, port) = await ListenAsync("-k", "--sh-exec", "echo $$; sleep 1");
        await using (listen)
        {
            var clients = Enumerable.Range(0, 3).Select(_ => PythonSendAndReadAsync(port, [])).ToArray();
            var pids = (await Task.WhenAll(clients)).Select(c => c.Stdout.Trim()).ToArray();
            Assert.All(pids, pid => Assert.Matches(@"^\d+$", pid));
            Assert.Equal(3, pids.Distinct().Count());
            // Each ran under sockit (its parent), not under some shell sockit started for the listener.
            Assert.DoesNotContain(listen.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), pids);
        }
    }

    [Fact]
    public async Task ListenKeepOpenExec_MaxClients1_SecondClientIsClosedAtOnceFirstIsServed()
    {
        var (listen, port) = await ListenAsync("-k", "--max-clients", "1", "--sh-exec", "sleep 2; echo served");
        await using (listen)
        {
            var first = PythonSendAndReadAsync(port, []);
            await listen.WaitForStderrAsync("connection from");
            var second = await PythonSendAndReadAsync(port, []);
            Assert.Empty(second.StdoutBytes);
            Assert.Contains("rejected 127.0.0.1:", listen.Stderr, StringComparison.Ordinal);
            Assert.Equal("served\n", (await first).Stdout);
        }
    }

    [Fact]
    public async Task ListenExec_ProgramDoneButPeerNeverCloses_SockitClosesWithinSeconds()
    {
        // The peer reads the program's output and its end-of-file but keeps its own side open: sockit waits a little
        // for its end-of-file, reading and dropping, then closes and exits rather than waiting for ever.
        var (listen, port) = await ListenAsync("--sh-exec", "echo done");
        await using (listen)
        {
            using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            await socket.ConnectAsync(System.Net.IPAddress.Loopback, port, TestContext.Current.CancellationToken);
            var buffer = new byte[64];
            var n = await socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken);
            Assert.Equal("done\n", Encoding.ASCII.GetString(buffer, 0, n));
            Assert.Equal(0, await socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken));
            var server = await listen.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(0, server.ExitCode);
        }
    }

    [Fact]
    public async Task ListenKeepOpenExec_Interrupted_ProgramsAreKilledAndSockitExits130()
    {
        var (listen, port) = await ListenAsync("-k", "--sh-exec", "echo $$; exec sleep 60");
        await using (listen)
        {
            using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
            await socket.ConnectAsync(System.Net.IPAddress.Loopback, port, TestContext.Current.CancellationToken);
            var buffer = new byte[64];
            var n = await socket.ReceiveAsync(buffer, TestContext.Current.CancellationToken);
            var pid = int.Parse(Encoding.ASCII.GetString(buffer, 0, n).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(IsRunning(pid));
            await listen.SignalAsync("INT");
            var server = await listen.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.Equal(130, server.ExitCode);
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
            while (IsRunning(pid) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
            Assert.False(IsRunning(pid), $"the program (pid {pid}) outlived sockit");
        }
    }

    // Running means its /proc entry exists and it is not a zombie waiting to be reaped.
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static long ResidentKib(int pid)
    {
        var line = File.ReadAllLines($"/proc/{pid}/status").Single(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] RandomBytes(int length)
    {
        var data = new byte[length];
        Random.Shared.NextBytes(data);
        return data;
    }

    private static string Sha256(byte[] data) => Convert.ToHexString(SHA256.HashData(data));
}
