using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Sockit.Testing;

namespace Sockit.Tests.Bench;

/// <summary>
/// The C peers of bench/compare-echo.sh keep working: the load generator finds every byte of a python3 echo server's
/// echo right and catches a server that corrupts bytes (so its checker can fail), and the C epoll echo server passes the
/// same check, with messages large enough that its writes come back partial.
/// </summary>
public sealed class BenchPeersTests(BenchPeersBuild build) : IClassFixture<BenchPeersBuild>
{
    [Fact]
    public async Task Loadgen_PythonEchoServer_EveryRoundTripMatches()
    {
        var port = FreePorts.Get();
        var server = await PythonServerProcess.StartAsync([build.PythonEchoServer, port.ToString()], port, "python3 echo server");
        try
        {
            var (exitCode, result) = await RunLoadgenAsync(port, "-c", "3", "--size", "1000", "--duration", "1", "--pipeline", "2");
            Assert.Equal(0, result.GetProperty("mismatches").GetInt64());
            Assert.Equal(0, result.GetProperty("errors").GetInt64());
            Assert.True(result.GetProperty("round_trips").GetInt64() > 0);
            Assert.Equal(0, exitCode);
        }
        finally
        {
            await PythonServerProcess.StopAsync(server);
        }
    }

    [Fact]
    public async Task Loadgen_ServerCorruptsBytes_ReportsMismatchesAndFails()
    {
        var port = FreePorts.Get();
        var server = await PythonServerProcess.StartAsync([build.PythonEchoServer, port.ToString(), "--flip-every", "997"], port, "python3 corrupting echo server");
        try
        {
            var (exitCode, result) = await RunLoadgenAsync(port, "-c", "2", "--size", "500", "--duration", "1");
            Assert.True(result.GetProperty("round_trips").GetInt64() >= 2, result.ToString());
            Assert.True(result.GetProperty("mismatches").GetInt64() > 0, result.ToString());
            Assert.Equal(1, exitCode);
        }
        finally
        {
            await PythonServerProcess.StopAsync(server);
        }
    }

    [Theory]
    [InlineData("50", "64", "1")]
    [InlineData("1", "64K", "1")]
    [InlineData("2", "1M", "4")] // messages of many reads each, several in flight
    public async Task EchoEpoll_UnderLoadgen_EveryRoundTripMatches(string connections, string size, string pipeline)
    {
        var (port, server) = await StartEchoEpollAsync();
        try
        {
            var (exitCode, result) = await RunLoadgenAsync(port, "-c", connections, "--size", size, "--duration", "1", "--pipeline", pipeline);
            Assert.Equal(0, result.GetProperty("mismatches").GetInt64());
            Assert.Equal(0, result.GetProperty("errors").GetInt64());
            Assert.True(result.GetProperty("round_trips").GetInt64() > 0);
            Assert.Equal(0, exitCode);
        }
        finally
        {
            await StopAsync(server);
        }
    }

    [Fact]
    public async Task EchoEpoll_ClientReadsLate_EveryByteComesBackInOrder()
    {
        // python3 sends 32 MiB from a thread while reading nothing for a while: echo-epoll's writes come back partial,
        // it keeps the rest and stops reading until the client reads again; every byte must come back, in order.
        const string client = """
            import os, socket, sys, threading, time
            data = os.urandom(32 * 1024 * 1024)
            s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
            sender = threading.Thread(target=lambda: (s.sendall(data), s.shutdown(socket.SHUT_WR)))
            sender.start()
            time.sleep(1)
            received = bytearray()
            while chunk := s.recv(1 << 20):
                received += chunk
            sender.join()
            print(len(received), received == data)
            """;
        var (port, server) = await StartEchoEpollAsync();
        try
        {
            var python = Peers.Require("python3");
            var result = await ProcessRunner.RunAsync(python, ["-c", client, port.ToString()], timeout: TimeSpan.FromSeconds(60));
            Assert.Equal($"{32 * 1024 * 1024} True\n", result.Stdout);
        }
        finally
        {
            await StopAsync(server);
        }
    }

    [Fact]
    public async Task Loadgen_IdleConnections_AllConnectedAndAnsweredByEchoEpoll()
    {
        var (port, server) = await StartEchoEpollAsync();
        try
        {
            var (exitCode, result) = await RunLoadgenAsync(port, "--idle", "300", "--hold", "0.5", "--window", "100");
            Assert.Equal("idle", result.GetProperty("mode").GetString());
            Assert.Equal(300, result.GetProperty("connected").GetInt64());
            Assert.Equal(0, result.GetProperty("mismatches").GetInt64());
            Assert.Equal(0, result.GetProperty("errors").GetInt64());
            Assert.Equal(0, exitCode);
        }
        finally
        {
            await StopAsync(server);
        }
    }

    [Fact]
    public async Task Loadgen_IdleConnectionsClosedByTheServer_Fails()
    {
        // A python3 server that answers the first byte and then closes every connection while it should be held.
        const string closer = """
            import socket, sys
            s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(64)
            while True:
                c, _ = s.accept()
                c.sendall(c.recv(1)); c.close()
            """;
        var port = FreePorts.Get();
        var server = await PythonServerProcess.StartAsync(["-c", closer, port.ToString()], port, "python3 closing server");
        try
        {
            var result = await ProcessRunner.RunAsync(build.LoadGenerator,
                ["127.0.0.1", port.ToString(), "--idle", "5", "--hold", "1"], timeout: TimeSpan.FromSeconds(30));
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("closed by the server while idle", result.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            await PythonServerProcess.StopAsync(server);
        }
    }

    private async Task<(int ExitCode, JsonElement Result)> RunLoadgenAsync(int port, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(build.LoadGenerator, ["127.0.0.1", port.ToString(), .. arguments], timeout: TimeSpan.FromSeconds(30));
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"loadgen printed {lines.Length} lines (exit {result.ExitCode}): {result.Stdout}{result.Stderr}");
        using var document = JsonDocument.Parse(lines[0]);
        return (result.ExitCode, document.RootElement.Clone());
    }

    private async Task<(int Port, Process Server)> StartEchoEpollAsync()
    {
        var port = FreePorts.Get();
        var server = ProcessRunner.Start(build.EchoServer, [port.ToString()]);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(10) && !server.HasExited)
        {
            try
            {
                using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return (port, server);
            }
            catch (SocketException)
            {
                await Task.Delay(30);
            }
        }
        var stderr = server.HasExited ? await server.StandardError.ReadToEndAsync() : "";
        await StopAsync(server);
        throw new InvalidOperationException($"echo-epoll did not start on port {port}: {stderr}");
    }

    private static async Task StopAsync(Process server)
    {
        if (!server.HasExited)
        {
            server.Kill();
            await server.WaitForExitAsync();
        }
        server.Dispose();
    }
}
