using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Sockit.Load;

namespace Sockit.Tests.Load;

/// <summary>
/// LoadGenerator against a server that accepts and never reads, so the generator's sends wait for room (on Linux, the
/// epoll loop's descriptors wait for writability): the watchdog's overdue echo and a cancel must still end the
/// connections. The OS is the oracle: what the listener accepted, and the end of stream each accepted socket reads.
/// </summary>
public sealed class LoadLoopStallTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_ServerNeverReadsWhileSendsWaitForRoom_OneOverdueErrorAndTheRunEnds()
    {
        await using var server = new SilentServer();
        var clock = Stopwatch.StartNew();

        // 4 x 4 MiB in flight: more than loopback's socket buffers hold, so the send is still waiting when the echo is overdue.
        var result = await LoadGenerator.RunAsync(new LoadOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            Connections = 1,
            MessageSize = 4 * 1024 * 1024,
            Pipeline = 4,
            Requests = 4,
            EchoTimeout = TimeSpan.FromMilliseconds(300),
        }, Ct);

        Assert.Equal(0, result.RoundTrips);
        Assert.Equal(1, result.Errors);
        Assert.Equal("no echo within 0.3 s", result.FirstError);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.3), TimeSpan.FromSeconds(10));
        var accepted = await server.StopAsync();
        Assert.Single(accepted);
        Assert.True(await ClosedByPeerAsync(accepted[0]), "the generator left its connection open");
    }

    [Fact]
    public async Task RunAsync_CancelledWhileConnectionsWait_ThrowsAndClosesEveryConnection()
    {
        await using var server = new SilentServer();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        cancel.CancelAfter(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await LoadGenerator.RunAsync(new LoadOptions
        {
            Host = "127.0.0.1",
            Port = server.Port,
            Connections = 5,
            MessageSize = 1024 * 1024,
            Pipeline = 8,
            Duration = TimeSpan.FromMinutes(1),
            EchoTimeout = TimeSpan.FromMinutes(1),
        }, cancel.Token));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(10));
        var accepted = await server.StopAsync();
        Assert.Equal(5, accepted.Count);
        foreach (var socket in accepted)
        {
            Assert.True(await ClosedByPeerAsync(socket), "a connection was left open after the cancel");
        }
    }

    // Reads what the generator sent until its end: true once the generator has closed (end of stream or reset).
    private static async Task<bool> ClosedByPeerAsync(Socket socket)
    {
        var buffer = new byte[1024 * 1024];
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        deadline.CancelAfter(TimeSpan.FromSeconds(10));
        try
        {
            while (await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token) > 0)
            {
            }
            return true;
        }
        catch (SocketException)
        {
            return true;
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !Ct.IsCancellationRequested)
        {
            return false;
        }
        finally
        {
            socket.Dispose();
        }
    }

    /// <summary>A TCP listener on 127.0.0.1 that accepts every connection and reads nothing, with small receive buffers.</summary>
    private sealed class SilentServer : IAsyncDisposable
    {
        private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly List<Socket> _accepted = [];
        private readonly Task _accepting;

        public SilentServer()
        {
            // Accepted sockets inherit it: little room on the server's side.
            _listener.ReceiveBufferSize = 4096;
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen(16);
            Port = ((IPEndPoint)_listener.LocalEndPoint!).Port;
            _accepting = AcceptAsync();
        }

        public int Port { get; }

        /// <summary>Stops accepting; returns the sockets accepted (the caller owns them now).</summary>
        public async Task<List<Socket>> StopAsync()
        {
            _listener.Dispose();
            await _accepting;
            return _accepted;
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    _accepted.Add(await _listener.AcceptAsync(Ct));
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
            }
        }
    }
}
