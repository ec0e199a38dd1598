using System.Security.Cryptography;
using Sockit.Cli.Tests.Netcat;
using Sockit.Testing;
using Sockit.Testing.Http;
using static Sockit.Cli.Tests.Forward.ForwardProcess;

namespace Sockit.Cli.Tests.Forward;

/// <summary>sockit forward over TCP between real peers: curl and python3 clients, nginx and python3 targets; bytes checked by SHA-256.</summary>
public sealed class ForwardTcpTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Curl_ThroughForward_GetsNginxPage_AndVerboseNamesBothSidesAndTheBytes()
    {
        const string Page = "<p>through sockit forward</p>\n";
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "index.html"), Page, TestContext.Current.CancellationToken);
        var (forward, port) = await StartAsync("0", $"localhost:{P(nginx.Port)}", "-v");
        await using (forward)
        {
            var curl = await ProcessRunner.RunAsync(Peers.Require("curl"), ["-s", "--fail", $"http://127.0.0.1:{P(port)}/index.html"], null, s_timeout);
            Assert.Equal(0, curl.ExitCode);
            Assert.Equal(Page, curl.Stdout);
            var closed = await forward.WaitForStderrAsync(" bytes up, ");
            Assert.Matches($@"^127\.0\.0\.1:\d+ -> localhost:{nginx.Port}: \d+ bytes up, \d+ down, \d+\.\d+ s$", closed);
            var connected = await forward.WaitForStderrAsync(": connected to ");
            Assert.Matches($@"^127\.0\.0\.1:\d+ -> localhost:{nginx.Port}: connected to (127\.0\.0\.1|\[::1\]):{nginx.Port}$", connected);
        }
    }

    [Fact]
    public async Task Download_32MiB_FromNginx_ThroughForward_SameSha256()
    {
        var data = RandomNumberGenerator.GetBytes(32 * 1024 * 1024);
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllBytesAsync(Path.Combine(nginx.Root, "big.bin"), data, TestContext.Current.CancellationToken);
        var (forward, port) = await StartAsync("0", $"127.0.0.1:{P(nginx.Port)}", "-v");
        await using (forward)
        {
            var curl = await ProcessRunner.RunAsync(Peers.Require("curl"), ["-s", "--fail", $"http://127.0.0.1:{P(port)}/big.bin"], null, s_timeout);
            Assert.Equal(0, curl.ExitCode);
            Assert.Equal(data.Length, curl.StdoutBytes.Length);
            Assert.Equal(Convert.ToHexString(SHA256.HashData(data)), Convert.ToHexString(SHA256.HashData(curl.StdoutBytes)));
            // The close line counts the body and nginx's head (more than the body, less than a page more).
            var closed = await forward.WaitForStderrAsync(" bytes up, ");
            var down = long.Parse(System.Text.RegularExpressions.Regex.Match(closed, @"bytes up, (\d+) down").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(down, data.Length, data.Length + 1024);
        }
    }

    [Fact]
    public async Task Upload_32MiB_ThenHalfClose_TargetReadsToEofThenAnswers_BothWaysSameSha256()
    {
        // The target answers only after the client's end of file: the digest of what it got, then all of it back.
        var target = PythonPeer.TcpServerPrologue + """
            import hashlib
            conn, _ = srv.accept()
            data = bytearray()
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                data += chunk
            conn.sendall(hashlib.sha256(data).hexdigest().encode() + b'\n' + bytes(data))
            conn.close()
            """;
        var (server, targetPort) = await PythonPeer.StartServerAsync(target);
        await using (server)
        {
            var (forward, port) = await StartAsync("0", $"127.0.0.1:{P(targetPort)}", "-v");
            await using (forward)
            {
                var output = await PythonAsync($$"""
                    import hashlib, os, socket
                    data = os.urandom(32 * 1024 * 1024)
                    s = socket.create_connection(('127.0.0.1', {{P(port)}}))
                    s.sendall(data)
                    s.shutdown(socket.SHUT_WR)
                    answer = bytearray()
                    while True:
                        chunk = s.recv(65536)
                        if not chunk:
                            break
                        answer += chunk
                    head, _, back = bytes(answer).partition(b'\n')
                    sent = hashlib.sha256(data).hexdigest()
                    print(sent == head.decode(), sent == hashlib.sha256(back).hexdigest(), len(back))
                    """);
                Assert.Equal($"True True {32 * 1024 * 1024}\n", output);
                var closed = await forward.WaitForStderrAsync(" bytes up, ");
                Assert.Contains($": {32 * 1024 * 1024} bytes up, {32 * 1024 * 1024 + 65} down, ", closed, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task FiftyClients_AtOnce_EachGetsItsOwnBytesBack()
    {
        // A threaded python3 echo server: each connection echoed until its end of file, then shut down.
        var target = """
            import socket, socketserver, sys
            class Echo(socketserver.BaseRequestHandler):
                def handle(self):
                    while True:
                        chunk = self.request.recv(65536)
                        if not chunk:
                            break
                        self.request.sendall(chunk)
                    self.request.shutdown(socket.SHUT_WR)
            socketserver.ThreadingTCPServer.daemon_threads = True
            socketserver.ThreadingTCPServer.request_queue_size = 128
            srv = socketserver.ThreadingTCPServer(('127.0.0.1', 0), Echo)
            print('port', srv.server_address[1], file=sys.stderr, flush=True)
            srv.serve_forever()
            """;
        var (server, targetPort) = await PythonPeer.StartServerAsync(target);
        await using (server)
        {
            var (forward, port) = await StartAsync("0", $"127.0.0.1:{P(targetPort)}");
            await using (forward)
            {
                var output = await PythonAsync($$"""
                    import hashlib, os, socket, threading
                    results = [None] * 50
                    ready = threading.Barrier(50)
                    def client(i):
                        data = os.urandom(256 * 1024 + i)
                        s = socket.create_connection(('127.0.0.1', {{P(port)}}))
                        ready.wait()
                        def send():
                            s.sendall(data)
                            s.shutdown(socket.SHUT_WR)
                        t = threading.Thread(target=send)
                        t.start()
                        back = bytearray()
                        while True:
                            chunk = s.recv(65536)
                            if not chunk:
                                break
                            back += chunk
                        t.join()
                        results[i] = hashlib.sha256(back).digest() == hashlib.sha256(data).digest()
                    threads = [threading.Thread(target=client, args=(i,)) for i in range(50)]
                    for t in threads: t.start()
                    for t in threads: t.join()
                    print(sum(1 for r in results if r))
                    """);
                Assert.Equal("50\n", output);
                Assert.DoesNotContain(" -> ", forward.Stderr, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task RefusedTarget_ClosesTheClient_PrintsTheLine_AndKeepsServing()
    {
        var closedPort = FreePorts.Get();
        var (forward, port) = await StartAsync("0", $"127.0.0.1:{P(closedPort)}");
        await using (forward)
        {
            for (var i = 0; i < 2; i++)
            {
                var output = await PythonAsync($$"""
                    import socket
                    s = socket.create_connection(('127.0.0.1', {{P(port)}}))
                    s.settimeout(10)
                    print(repr(s.recv(10)))
                    """);
                Assert.Equal("b''\n", output);
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
            var lines = forward.Stderr.Split('\n').Where(l => l.Contains("client closed", StringComparison.Ordinal)).ToList();
            Assert.Equal(2, lines.Count);
            Assert.All(lines, line => Assert.Matches(
                $@"^127\.0\.0\.1:\d+ -> 127\.0\.0\.1:{closedPort}: connect to 127\.0\.0\.1 port {closedPort} failed: Connection refused \(is anything listening on that port\?\); client closed$", line));
        }
    }

    [Fact]
    public async Task MaxClients_One_SecondClientIsClosedAtOnce_WithARejectedLine()
    {
        // The target holds each connection open until its client closes.
        var target = PythonPeer.TcpServerPrologue + """
            import threading
            def hold(conn):
                while conn.recv(65536):
                    pass
                conn.close()
            while True:
                conn, _ = srv.accept()
                threading.Thread(target=hold, args=(conn,), daemon=True).start()
            """;
        var (server, targetPort) = await PythonPeer.StartServerAsync(target);
        await using (server)
        {
            var (forward, port) = await StartAsync("0", $"127.0.0.1:{P(targetPort)}", "--max-clients", "1", "-v");
            await using (forward)
            {
                var output = await PythonAsync($$"""
                    import socket, time
                    first = socket.create_connection(('127.0.0.1', {{P(port)}}))
                    time.sleep(0.5)
                    second = socket.create_connection(('127.0.0.1', {{P(port)}}))
                    second.settimeout(10)
                    print(repr(second.recv(10)))
                    first.close()
                    """);
                Assert.Equal("b''\n", output);
                var rejected = await forward.WaitForStderrAsync("rejected");
                Assert.Matches(@"^127\.0\.0\.1:\d+: rejected: already serving 1 clients \(the maximum\)$", rejected);
            }
        }
    }
}
