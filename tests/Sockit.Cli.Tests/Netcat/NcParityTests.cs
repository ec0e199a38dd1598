using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Netcat;

/// <summary>
/// The same ncat command line run by ncat and by <c>sockit nc</c>, and what arrives compared: the python3 peer's
/// account of the bytes (SHA-256), the peer address it saw, and the exit codes. ncat is the oracle.
/// </summary>
public sealed class NcParityTests
{
    // A python3 server for one client: reads to end-of-file, then prints the client's address and the SHA-256 of what came.
    private const string SinkScript = PythonPeer.TcpServerPrologue + """
        import hashlib
        conn, peer = srv.accept()
        data = b''
        while True:
            chunk = conn.recv(65536)
            if not chunk: break
            data += chunk
        print(peer[0], hashlib.sha256(data).hexdigest(), len(data), flush=True)
        conn.close()
        """;

    [Fact]
    public async Task Connect_FileToPythonSink_SameBytesAsNcat()
    {
        var data = RandomBytes(3 * 1024 * 1024 + 17);
        foreach (var (program, prefix) in Runners())
        {
            var (sink, port) = await PythonPeer.StartServerAsync(SinkScript);
            await using (sink)
            {
                var client = await ProcessRunner.RunAsync(program, [.. prefix, "127.0.0.1", P(port)], data, TimeSpan.FromSeconds(20));
                var report = await SinkReportAsync(sink);
                Assert.Equal(0, client.ExitCode);
                Assert.Equal($"127.0.0.1 {Sha(data)} {data.Length}", report);
            }
        }
    }

    [Fact]
    public async Task Crlf_SameBytesAsNcatC()
    {
        // LF alone, CR LF already there, a lone CR, blank lines, and no line end at the end.
        var text = Encoding.ASCII.GetBytes("one\ntwo\r\nthree\n\r\n\n\nfour\rfive");
        var reports = new List<string>();
        foreach (var (program, prefix) in Runners())
        {
            var (sink, port) = await PythonPeer.StartServerAsync(SinkScript);
            await using (sink)
            {
                var client = await ProcessRunner.RunAsync(program, [.. prefix, "-C", "127.0.0.1", P(port)], text, TimeSpan.FromSeconds(20));
                Assert.Equal(0, client.ExitCode);
                reports.Add(await SinkReportAsync(sink));
            }
        }
        var expected = Encoding.ASCII.GetBytes("one\r\ntwo\r\nthree\r\n\r\n\r\n\r\nfour\rfive");
        Assert.Equal([$"127.0.0.1 {Sha(expected)} {expected.Length}", $"127.0.0.1 {Sha(expected)} {expected.Length}"], reports);
    }

    [Fact]
    public async Task SourceAddressAndPort_ThePeerSeesThem_AsWithNcat()
    {
        var script = PythonPeer.TcpServerPrologue.Replace("'127.0.0.1', 0", "'0.0.0.0', 0", StringComparison.Ordinal) + """
            conn, peer = srv.accept()
            print(peer[0], peer[1], flush=True)
            conn.close()
            """;
        foreach (var (program, prefix) in Runners())
        {
            var (server, port) = await PythonPeer.StartServerAsync(script);
            await using (server)
            {
                var source = FreePorts.Get();
                var client = await ProcessRunner.RunAsync(program, [.. prefix, "-s", "127.0.0.2", "-p", P(source), "127.0.0.1", P(port)], [], TimeSpan.FromSeconds(20));
                Assert.Equal(0, client.ExitCode);
                Assert.Equal($"127.0.0.2 {source}", await SinkReportAsync(server));
            }
        }
    }

    [Fact]
    public async Task Listen_PythonClientSends_SameBytesOnStdoutAsNcat()
    {
        var data = RandomBytes(1024 * 1024 + 3);
        var python = Peers.Require("python3");
        foreach (var (program, prefix) in Runners())
        {
            var port = FreePorts.Get();
            await using var listener = BackgroundProcess.Start(program, [.. prefix, "-l", "127.0.0.1", P(port)]);
            listener.Stdin.Close();
            var file = Path.GetTempFileName();
            await File.WriteAllBytesAsync(file, data, TestContext.Current.CancellationToken);
            var send = await ProcessRunner.RunAsync(python, ["-c", ConnectWhenListening(port) + $"s.sendall(open('{file}', 'rb').read()); s.shutdown(socket.SHUT_WR); s.recv(1); s.close()"], timeout: TimeSpan.FromSeconds(20));
            File.Delete(file);
            var (exit, stdout, _) = await listener.WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(0, send.ExitCode);
            Assert.Equal(0, exit);
            Assert.Equal(Sha(data), Sha(stdout));
        }
    }

    [Fact]
    public async Task ListenKeepOpen_ThreeClients_AllArrive_AsWithNcat()
    {
        var python = Peers.Require("python3");
        var outputs = new List<string>();
        foreach (var (program, prefix) in Runners())
        {
            var port = FreePorts.Get();
            await using var listener = BackgroundProcess.Start(program, [.. prefix, "-l", "-k", "127.0.0.1", P(port)]);
            for (var i = 1; i <= 3; i++)
            {
                // Each client waits for the listener to close its side after it half-closed: the line is out by then.
                await ProcessRunner.RunAsync(python, ["-c", ConnectWhenListening(port) + $"s.sendall(b'client {i}\\n'); time.sleep(0.3); s.close()"], timeout: TimeSpan.FromSeconds(20));
            }
            await Task.Delay(500, TestContext.Current.CancellationToken);
            await listener.SignalAsync("INT");
            var (_, stdout, _) = await listener.WaitAsync(TimeSpan.FromSeconds(20));
            outputs.Add(Encoding.ASCII.GetString(stdout));
        }
        Assert.Equal("client 1\nclient 2\nclient 3\n", outputs[0]);
        Assert.Equal(outputs[0], outputs[1]);
    }

    [Fact]
    public async Task Zero_OpenAndClosed_SameExitCodesAsNcat()
    {
        var (server, open) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + "import time\ntime.sleep(30)\n");
        await using (server)
        {
            var closed = FreePorts.Get();
            var codes = new List<(int Open, int Closed)>();
            foreach (var (program, prefix) in Runners())
            {
                var a = await ProcessRunner.RunAsync(program, [.. prefix, "-z", "127.0.0.1", P(open)], timeout: TimeSpan.FromSeconds(20));
                var b = await ProcessRunner.RunAsync(program, [.. prefix, "-z", "127.0.0.1", P(closed)], timeout: TimeSpan.FromSeconds(20));
                codes.Add((a.ExitCode, b.ExitCode));
            }
            Assert.Equal((0, 1), codes[0]);
            Assert.Equal(codes[0], codes[1]);
        }
    }

    [Fact]
    public async Task Unix_FileToPythonSink_SameBytesAsNcat()
    {
        var data = RandomBytes(200_000);
        foreach (var (program, prefix) in Runners())
        {
            var path = Path.Combine(Path.GetTempPath(), $"sockit-nc-{Guid.NewGuid():N}.sock");
            var script = $$"""
                import socket, sys, hashlib
                srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                srv.bind('{{path}}')
                srv.listen(1)
                print('port 0', file=sys.stderr, flush=True)
                conn, _ = srv.accept()
                data = b''
                while True:
                    chunk = conn.recv(65536)
                    if not chunk: break
                    data += chunk
                print(hashlib.sha256(data).hexdigest(), flush=True)
                """;
            var (sink, _) = await PythonPeer.StartServerAsync(script);
            await using (sink)
            {
                var client = await ProcessRunner.RunAsync(program, [.. prefix, "-U", path], data, TimeSpan.FromSeconds(20));
                Assert.Equal(0, client.ExitCode);
                Assert.Equal(Sha(data), await SinkReportAsync(sink));
            }
            File.Delete(path);
        }
    }

    [Fact]
    public async Task SendOnlyAndRecvOnly_WhatEachSideGets_AsWithNcat()
    {
        // The server sends "hello" and reports what it read until end-of-file, or "open" when none came within a second.
        var script = PythonPeer.TcpServerPrologue + """
            conn, _ = srv.accept()
            conn.sendall(b'hello')
            conn.settimeout(1.0)
            data = b''
            try:
                while True:
                    chunk = conn.recv(65536)
                    if not chunk:
                        print('eof', data.decode(), flush=True)
                        break
                    data += chunk
            except socket.timeout:
                print('open', data.decode(), flush=True)
            conn.close()
            """;
        foreach (var flag in new[] { "--send-only", "--recv-only" })
        {
            var results = new List<string>();
            foreach (var (program, prefix) in Runners())
            {
                var (server, port) = await PythonPeer.StartServerAsync(script);
                await using (server)
                {
                    var client = await ProcessRunner.RunAsync(program, [.. prefix, flag, "127.0.0.1", P(port)], Encoding.ASCII.GetBytes("abc"), TimeSpan.FromSeconds(20));
                    results.Add($"{client.ExitCode} [{client.Stdout}] {await SinkReportAsync(server)}");
                }
            }
            Assert.Equal(flag == "--send-only" ? "0 [] eof abc" : "0 [hello] open ", results[0]);
            Assert.Equal(results[0], results[1]);
        }
    }

    // A python3 client's first lines: connect once the listener listens (a probe would be the one client of -l).
    internal static string ConnectWhenListening(int port) => $"""
        import socket, time
        for _ in range(300):
            try:
                s = socket.create_connection(('127.0.0.1', {port}))
                break
            except OSError:
                time.sleep(0.05)

        """;

    /// <summary>ncat, then sockit nc: the program and the arguments before ncat's own.</summary>
    internal static IEnumerable<(string Program, string[] Prefix)> Runners() =>
    [
        (Peers.Require("ncat"), []),
        (Cli.DotnetPath, ["exec", Cli.ProgramPath, "nc"]),
    ];

    internal static async Task<string> SinkReportAsync(BackgroundProcess sink)
    {
        var (_, stdout, _) = await sink.WaitAsync(TimeSpan.FromSeconds(20));
        return Encoding.ASCII.GetString(stdout).TrimEnd('\n');
    }

    internal static byte[] RandomBytes(int length)
    {
        var data = new byte[length];
        Random.Shared.NextBytes(data);
        return data;
    }

    internal static string Sha(byte[] data) => Convert.ToHexStringLower(SHA256.HashData(data));

    internal static string P(int port) => port.ToString(CultureInfo.InvariantCulture);
}
