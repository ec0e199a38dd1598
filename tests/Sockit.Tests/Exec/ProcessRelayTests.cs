using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Sockit.Exec;
using Sockit.Servers;
using Sockit.Testing;

namespace Sockit.Tests.Exec;

/// <summary>ProcessRelay and Server's per-client Handler on loopback, with real programs (cat, sh) as the other side.</summary>
public sealed class ProcessRelayTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServerHandler_ProcessRelayCat_TwoClientsAtOnceEachGetTheirOwnBytesBack()
    {
        var results = new ConcurrentBag<ProcessRelayResult>();
        await using var server = Server.Start(new ListenerOptions(), new ServerOptions
        {
            Handler = async (connection, token) => results.Add(await ProcessRelay.RunAsync(connection, new ExecCommand("cat"), cancellationToken: token)),
        });
        var sizes = new[] { 1024 * 1024, 3 * 1024 * 1024 + 7 };
        var echoes = await Task.WhenAll(sizes.Select(async size =>
        {
            var data = new byte[size];
            Random.Shared.NextBytes(data);
            return (Sent: data, Received: await SendHalfCloseAndReadAsync(server.Port, data));
        }));
        foreach (var (sent, received) in echoes)
        {
            Assert.Equal(SHA256.HashData(sent), SHA256.HashData(received));
        }
        await WaitUntilAsync(() => results.Count == 2);
        Assert.Equal(sizes.Select(size => (long)size).Order(), results.Select(r => r.Relay.BytesReceived).Order());
        Assert.All(results, r => Assert.Equal(r.Relay.BytesReceived, r.Relay.BytesSent));
        Assert.All(results, r => Assert.True(r.Relay.PeerClosed));
        Assert.Equal(2, results.Select(r => r.ProcessId).Distinct().Count());
    }

    [Fact]
    public async Task ProcessRelay_ShellLineExits5_ResultHasTheStatusAndTheBytes()
    {
        var done = new TaskCompletionSource<ProcessRelayResult>();
        await using var server = Server.Start(new ListenerOptions(), new ServerOptions
        {
            Handler = async (connection, token) => done.SetResult(await ProcessRelay.RunAsync(connection, ExecCommand.Shell("wc -c; exit 5"), cancellationToken: token)),
        });
        var answer = await SendHalfCloseAndReadAsync(server.Port, new byte[12345]);
        var result = await done.Task.WaitAsync(TimeSpan.FromSeconds(15), Ct);
        Assert.Equal("12345\n", System.Text.Encoding.ASCII.GetString(answer));
        Assert.Equal(5, result.ExitCode);
        Assert.Equal(12345, result.Relay.BytesReceived);
        Assert.Equal(6, result.Relay.BytesSent);
    }

    [Fact]
    public async Task ServerHandler_ProgramMissing_ClientClosedAndFailedEventNamesIt()
    {
        var events = new ConcurrentQueue<ServerEvent>();
        await using var server = Server.Start(new ListenerOptions(), new ServerOptions
        {
            Handler = async (connection, token) => await ProcessRelay.RunAsync(connection, new ExecCommand("/nonexistent/sockit-test-program"), cancellationToken: token),
            Events = events.Enqueue,
        });
        var answer = await SendHalfCloseAndReadAsync(server.Port, []);
        Assert.Empty(answer);
        await WaitUntilAsync(() => events.Any(e => e.Kind == ServerEventKind.Failed));
        Assert.Contains(events, e => e.Kind == ServerEventKind.Failed && e.Detail == "cannot run '/nonexistent/sockit-test-program': No such file or directory");
    }

    [Fact]
    public async Task Locate_NameWithoutSlash_FindsWhatTheShellsCommandVFinds()
    {
        // The oracle: sh's own PATH search, as execvp does it.
        var shell = await ProcessRunner.RunAsync("/bin/sh", ["-c", "command -v sha256sum"]);
        Assert.Equal(shell.Stdout.Trim(), new ExecCommand("sha256sum").Locate());
        var missing = Assert.Throws<ProgramStartException>(() => new ExecCommand("sockit-no-such-program").Locate());
        Assert.Equal(SockitFailure.NotFound, missing.Failure);
        Assert.Equal(ProgramStartException.NoSuchFile, missing.ErrorNumber);
        var directory = Assert.Throws<ProgramStartException>(() => new ExecCommand("/tmp").Locate());
        Assert.True(directory.FoundButNotRunnable);
    }

    private static async Task<byte[]> SendHalfCloseAndReadAsync(int port, byte[] data)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, port, Ct);
        var send = Task.Run(async () =>
        {
            await socket.SendAsync(data, Ct);
            socket.Shutdown(SocketShutdown.Send);
        }, Ct);
        using var received = new MemoryStream();
        var buffer = new byte[65536];
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        int n;
        while ((n = await socket.ReceiveAsync(buffer, timeout.Token)) > 0)
        {
            received.Write(buffer, 0, n);
        }
        await send;
        return received.ToArray();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting");
            await Task.Delay(20, Ct);
        }
    }
}
