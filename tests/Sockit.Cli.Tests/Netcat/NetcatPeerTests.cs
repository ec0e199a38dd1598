using System.Security.Cryptography;
using System.Text;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Netcat;

/// <summary>sockit connect and listen against real peers on loopback, both ways round: sockit, ncat, socat, python3.</summary>
public sealed class NetcatPeerTests
{
    [Fact]
    public async Task ListenConnect_100MiBRandom_ArrivesWithSameSha256()
    {
        var data = new byte[100 * 1024 * 1024];
        Random.Shared.NextBytes(data);
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0");
        await using (listen)
        {
            listen.Stdin.Close();
            var connect = await Cli.RunProcessAsync(["connect", "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], data, TimeSpan.FromSeconds(20));
            var received = await listen.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(0, connect.ExitCode);
            Assert.Equal(0, received.ExitCode);
            Assert.Equal(data.Length, received.Stdout.Length);
            Assert.Equal(Convert.ToHexString(SHA256.HashData(data)), Convert.ToHexString(SHA256.HashData(received.Stdout)));
        }
    }

    [Fact]
    public async Task Connect_ToNcatListener_BothDirectionsArrive()
    {
        var ncat = Peers.Require("ncat");
        var port = FreePorts.Get();
        await using var peer = BackgroundProcess.Start(ncat, "-v", "-l", "127.0.0.1", P(port));
        await peer.WaitForStderrAsync("Listening on");
        await peer.WriteStdinAsync("from ncat\n", close: true);
        var result = await Cli.RunProcessAsync(["connect", "127.0.0.1", P(port)], Encoding.UTF8.GetBytes("from sockit\n"));
        var ncatResult = await peer.WaitAsync();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("from ncat\n", result.Stdout);
        Assert.Equal("from sockit\n", Encoding.UTF8.GetString(ncatResult.Stdout));
    }

    [Fact]
    public async Task Listen_NcatClient_GetsTheLessonReply()
    {
        var ncat = Peers.Require("ncat");
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "--reply", "Yes, I can hear you.", "-vv");
        await using (listen)
        {
            var client = await ProcessRunner.RunAsync(ncat, ["127.0.0.1", P(port)], Encoding.UTF8.GetBytes("Hey, can you hear me?"), TimeSpan.FromSeconds(15));
            var server = await listen.WaitAsync();
            Assert.Equal("Yes, I can hear you.", client.Stdout);
            Assert.Equal(0, server.ExitCode);
            // A reply server prints nothing of what it answers on stdout; -vv counts it on stderr (21 bytes in, 20 out).
            Assert.Empty(server.Stdout);
            Assert.Matches(@"\nclosed 127\.0\.0\.1:\d+ \(21 bytes received, 20 sent\)\n", server.Stderr);
        }
    }

    [Fact]
    public async Task Connect_ToSocatListener_BothDirectionsArrive()
    {
        var socat = Peers.Require("socat");
        var port = FreePorts.Get();
        await using var peer = BackgroundProcess.Start(socat, "-d", "-d", "-t", "5", $"TCP-LISTEN:{port},bind=127.0.0.1,reuseaddr", "STDIO");
        await peer.WaitForStderrAsync("listening on");
        await peer.WriteStdinAsync("from socat\n", close: true);
        var result = await Cli.RunProcessAsync(["connect", "127.0.0.1", P(port)], Encoding.UTF8.GetBytes("from sockit\n"));
        var socatResult = await peer.WaitAsync();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("from socat\n", result.Stdout);
        Assert.Equal("from sockit\n", Encoding.UTF8.GetString(socatResult.Stdout));
    }

    [Fact]
    public async Task Listen_SocatClient_EchoesEveryByte()
    {
        var socat = Peers.Require("socat");
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "--echo", "-vv");
        await using (listen)
        {
            var payload = new byte[256 * 1024];
            Random.Shared.NextBytes(payload);
            var client = await ProcessRunner.RunAsync(socat, ["-t", "5", "STDIO", $"TCP:127.0.0.1:{port}"], payload, TimeSpan.FromSeconds(15));
            var server = await listen.WaitAsync();
            Assert.Equal(payload, client.StdoutBytes);
            Assert.Equal(0, server.ExitCode);
            // An echo server prints nothing of what it echoes on stdout; -vv counts it on stderr.
            Assert.Empty(server.Stdout);
            Assert.Contains($"(262144 bytes received, 262144 sent)", server.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Connect_ToPythonServer_HalfClosesAndReadsTheAnswerAfterward()
    {
        // The server reads until end-of-file (only a shutdown gives it one), then answers with the byte count and closes.
        var (python, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + """
            conn, _ = srv.accept()
            total = 0
            while True:
                chunk = conn.recv(65536)
                if not chunk: break
                total += len(chunk)
            conn.sendall(b'got %d bytes' % total)
            conn.close()
            """);
        await using (python)
        {
            var result = await Cli.RunProcessAsync(["connect", "127.0.0.1", P(port)], new byte[300_000]);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("got 300000 bytes", result.Stdout);
        }
    }

    [Fact]
    public async Task Connect_NoShutdown_KeepsWritingSideOpenUntilPeerCloses()
    {
        // The server waits a second for end-of-file; with --no-shutdown none comes, so it says so and closes.
        var (python, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + """
            conn, _ = srv.accept()
            conn.settimeout(1.0)
            data = b''
            try:
                while True:
                    chunk = conn.recv(65536)
                    if not chunk:
                        conn.sendall(b'eof after ' + data)
                        break
                    data += chunk
            except socket.timeout:
                conn.sendall(b'still open after ' + data)
            conn.close()
            """);
        await using (python)
        {
            var result = await Cli.RunProcessAsync(["connect", "127.0.0.1", P(port), "--no-shutdown", "--send", "hi"]);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("still open after hi", result.Stdout);
        }
    }

    [Fact]
    public async Task Connect_PeerClosesFirst_PrintsWhatCameAndExits()
    {
        var (python, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + """
            conn, _ = srv.accept()
            conn.sendall(b'bye\n')
            conn.shutdown(socket.SHUT_WR)
            conn.recv(10)
            conn.close()
            """);
        await using (python)
        {
            var result = await Cli.RunProcessAsync(["connect", "127.0.0.1", P(port), "--send", "x"]);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("bye\n", result.Stdout);
        }
    }

    [Fact]
    public async Task Listen_PythonClient_LessonExchange()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "--reply", "Yes, I can hear you.", "-vv");
        await using (listen)
        {
            var answer = await Python.RunAsync($"""
                import socket
                client = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
                client.connect(('127.0.0.1', {port}))
                client.sendall('Hey, can you hear me?'.encode('utf8'))
                print(client.recv(4096).decode('utf8'))
                client.close()
                """);
            var server = await listen.WaitAsync();
            Assert.Equal("Yes, I can hear you.\n", answer);
            // Nothing on stdout (a reply server only answers); -vv counts what came and went on stderr.
            Assert.Empty(server.Stdout);
            Assert.Matches(@"\nclosed 127\.0\.0\.1:\d+ \(21 bytes received, 20 sent\)\n", server.Stderr);
            Assert.Contains("listening on 127.0.0.1:", server.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Listen_KeepOpen_ServesSeveralSockitClientsAtOnce()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "-k", "--echo");
        await using (listen)
        {
            var clients = Enumerable.Range(0, 4).Select(i => Cli.RunProcessAsync(["connect", "127.0.0.1", P(port), "--send", $"client {i}"])).ToList();
            var results = await Task.WhenAll(clients);
            for (var i = 0; i < results.Length; i++)
            {
                Assert.Equal(0, results[i].ExitCode);
                Assert.Equal($"client {i}", results[i].Stdout);
            }
        }
    }

    [Fact]
    public async Task Listen_MaxClients_ClosesTheOneTooMany()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "-k", "--echo", "--max-clients", "1", "-v");
        await using (listen)
        {
            // The first client holds its connection open (--no-shutdown, no reply to end it) while a second connects.
            await using var first = BackgroundProcess.Sockit("connect", "127.0.0.1", P(port), "--no-shutdown", "--send", "one");
            await listen.WaitForStderrAsync("connection from");
            var second = await Cli.RunProcessAsync(["connect", "127.0.0.1", P(port), "--send", "two"]);
            Assert.Equal("", second.Stdout);
            Assert.Contains("rejected 127.0.0.1:", await listen.WaitForStderrAsync("rejected"), StringComparison.Ordinal);
        }
    }

    private static string P(int port) => port.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
