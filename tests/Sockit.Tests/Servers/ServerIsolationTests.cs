using System.Net;
using System.Net.Sockets;
using System.Text;
using Sockit.Connections;
using Sockit.Servers;

namespace Sockit.Tests.Servers;

/// <summary>
/// Each client of a <see cref="Server"/> is served on its own: a callback that blocks for one client (an observer that
/// never returns, a consumer that never completes) holds up that client only, and the others are echoed as before.
/// </summary>
public sealed class ServerIsolationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EchoServer_ReceivedBlocksForeverForOneClient_OthersStillEchoed()
    {
        using var release = new ManualResetEventSlim();
        var blocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = EchoServer.Start(options: new ServerOptions
        {
            Received = (_, data) =>
            {
                if (data.Span.SequenceEqual("block"u8))
                {
                    blocked.TrySetResult();
                    release.Wait(); // blocks this client's loop until the test ends
                }
            },
        });
        try
        {
            await using var stuck = await Connector.ConnectAsync("127.0.0.1", server.Port, cancellationToken: Ct);
            await stuck.SendAsync("block"u8.ToArray(), Ct);
            await blocked.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
            for (var i = 0; i < 3; i++)
            {
                await using var client = await Connector.ConnectAsync("127.0.0.1", server.Port, cancellationToken: Ct);
                var text = $"still echoing {i}";
                await client.SendAsync(Encoding.ASCII.GetBytes(text), Ct);
                client.ShutdownSend();
                Assert.Equal(text, Encoding.ASCII.GetString(await client.ReceiveToEndAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct)));
            }
        }
        finally
        {
            release.Set();
        }
    }

    [Fact]
    public async Task Server_ConsumeNeverCompletesForOneClient_OtherClientsStillConsumed()
    {
        var never = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumed = new List<string>();
        await using var server = Server.Start(options: new ServerOptions
        {
            Consume = async (_, data, ct) =>
            {
                var text = Encoding.ASCII.GetString(data.Span);
                if (text == "stall")
                {
                    await never.Task.WaitAsync(ct);
                }
                lock (consumed)
                {
                    consumed.Add(text);
                }
            },
        });
        await using var stuck = await Connector.ConnectAsync("127.0.0.1", server.Port, cancellationToken: Ct);
        await stuck.SendAsync("stall"u8.ToArray(), Ct);
        await using (var client = await Connector.ConnectAsync("127.0.0.1", server.Port, cancellationToken: Ct))
        {
            await client.SendAsync("through"u8.ToArray(), Ct);
            client.ShutdownSend();
            Assert.Empty(await client.ReceiveToEndAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct));
        }
        lock (consumed)
        {
            Assert.Equal(["through"], consumed);
        }
    }

    [Fact]
    public async Task EchoServer_ClientThatNeverReads_IsNotReadEither_AndOthersAreEchoed()
    {
        await using var server = EchoServer.Start();
        using var hog = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await hog.ConnectAsync(IPAddress.Loopback, server.Port, Ct);
        hog.Blocking = false;
        // Send until the kernel takes no more: the echo has backed up to the hog and the server stopped reading it.
        var chunk = new byte[64 * 1024];
        long sent = 0;
        var stalledSince = DateTime.UtcNow;
        while (DateTime.UtcNow - stalledSince < TimeSpan.FromSeconds(1))
        {
            try
            {
                var n = hog.Send(chunk);
                sent += n;
                stalledSince = DateTime.UtcNow;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock)
            {
                await Task.Delay(20, Ct);
            }
        }
        // Bounded: what was taken is what the socket buffers hold both ways, not the server's memory (tens of MiB at most).
        Assert.InRange(sent, 1, 64L << 20);
        await using var client = await Connector.ConnectAsync("127.0.0.1", server.Port, cancellationToken: Ct);
        await client.SendAsync("meanwhile"u8.ToArray(), Ct);
        client.ShutdownSend();
        Assert.Equal("meanwhile", Encoding.ASCII.GetString(await client.ReceiveToEndAsync(Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(10), Ct)));
    }
}
