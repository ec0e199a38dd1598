using Sockit.Cli.Tests.Netcat;
using Sockit.Testing;
using static Sockit.Cli.Tests.Forward.ForwardProcess;

namespace Sockit.Cli.Tests.Forward;

/// <summary>sockit forward with Unix domain sockets (socat as the target) and UDP (a python3 echo target), against real peers.</summary>
public sealed class ForwardUnixUdpTests
{
    [Fact]
    public async Task UnixListen_ToUnixTarget_SocatSha256sum_AnswersTheDigestAfterHalfClose()
    {
        var directory = Directory.CreateTempSubdirectory("sockit-fwd-").FullName;
        try
        {
            var targetPath = Path.Combine(directory, "target.sock");
            var listenPath = Path.Combine(directory, "listen.sock");
            // socat's target runs sha256sum on each connection: it answers only after the end of file.
            await using var socat = BackgroundProcess.Start(Peers.Require("socat"), "-t", "10", $"UNIX-LISTEN:{targetPath},fork", "EXEC:sha256sum");
            await WaitForFileAsync(targetPath);
            var (forward, _) = await StartAsync($"unix:{listenPath}", $"unix:{targetPath}", "-v");
            await using (forward)
            {
                var output = await PythonAsync($$"""
                    import hashlib, os, socket
                    data = os.urandom(8 * 1024 * 1024)
                    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                    s.connect({{Py(listenPath)}})
                    s.sendall(data)
                    s.shutdown(socket.SHUT_WR)
                    answer = b''
                    while True:
                        chunk = s.recv(65536)
                        if not chunk:
                            break
                        answer += chunk
                    print(answer.decode().split()[0] == hashlib.sha256(data).hexdigest())
                    """);
                Assert.Equal("True\n", output);
                var closed = await forward.WaitForStderrAsync(" bytes up, ");
                Assert.StartsWith($"unix client -> {targetPath}: {8 * 1024 * 1024} bytes up, 68 down, ", closed, StringComparison.Ordinal);
                Assert.StartsWith($"listening on {listenPath} (unix), forwarding to {targetPath} (unix)", forward.Stderr, StringComparison.Ordinal);
                // Ctrl-C: exit 130, and the listening socket's file is removed again.
                await forward.SignalAsync("INT");
                var exit = await forward.WaitAsync();
                Assert.Equal(130, exit.ExitCode);
                Assert.False(File.Exists(listenPath), "the listening socket's file is removed again on exit");
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Udp_TwoClients_EachGetsTheTargetsRepliesToItsOwnDatagrams_AndIdleClientsAreForgotten()
    {
        // The target answers each datagram with its sender's view of it: the bytes reversed.
        var target = """
            import socket, sys
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind(('127.0.0.1', 0))
            print('port', s.getsockname()[1], file=sys.stderr, flush=True)
            while True:
                data, peer = s.recvfrom(65535)
                s.sendto(data[::-1], peer)
            """;
        var (server, targetPort) = await PythonPeer.StartServerAsync(target);
        await using (server)
        {
            var (forward, port) = await StartAsync("udp:0", $"udp:127.0.0.1:{P(targetPort)}", "--idle-timeout", "1s", "-v");
            await using (forward)
            {
                var output = await PythonAsync($$"""
                    import os, socket
                    clients = [socket.socket(socket.AF_INET, socket.SOCK_DGRAM) for _ in range(2)]
                    ok = 0
                    for round in range(3):
                        for i, c in enumerate(clients):
                            c.settimeout(5)
                            data = os.urandom(1000 + 100 * i + round)
                            c.sendto(data, ('127.0.0.1', {{P(port)}}))
                            reply, peer = c.recvfrom(65535)
                            ok += reply == data[::-1] and peer == ('127.0.0.1', {{P(port)}})
                    print(ok)
                    """);
                Assert.Equal("6\n", output);
                // Each client's socket to the target is closed after a second without a datagram.
                var closed = await forward.WaitForStderrAsync("closed: idle for 1 s", TimeSpan.FromSeconds(10));
                Assert.Matches($@"^127\.0\.0\.1:\d+ -> 127\.0\.0\.1:{targetPort}: 3[03]03 bytes up, 3[03]03 down, \d+\.\d+ s; closed: idle for 1 s$", closed);
                Assert.Equal(2, forward.Stderr.Split('\n').Count(l => l.EndsWith(": connected to 127.0.0.1:" + P(targetPort), StringComparison.Ordinal)));
            }
        }
    }

    private static async Task WaitForFileAsync(string path)
    {
        for (var i = 0; i < 300 && !File.Exists(path); i++)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }
}
