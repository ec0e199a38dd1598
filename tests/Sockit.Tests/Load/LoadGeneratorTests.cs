using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Sockit.Connections;
using Sockit.Load;
using Sockit.Testing;

namespace Sockit.Tests.Load;

/// <summary>LoadGenerator's failure paths against servers on loopback: one that never echoes, and one that is not there.</summary>
public sealed class LoadGeneratorTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RunAsync_ServerNeverEchoes_EachOverdueEchoIsAnErrorAndTheRunEnds()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(16);
        var accepted = new List<Socket>();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    accepted.Add(await listener.AcceptAsync(Ct));
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException)
            {
            }
        }, Ct);
        var clock = Stopwatch.StartNew();

        var result = await LoadGenerator.RunAsync(new LoadOptions
        {
            Host = "127.0.0.1",
            Port = ((IPEndPoint)listener.LocalEndPoint!).Port,
            Connections = 1,
            Requests = 3,
            EchoTimeout = TimeSpan.FromMilliseconds(300),
        }, Ct);

        // Three messages, each sent on a new connection after the last one's echo was overdue.
        Assert.Equal(0, result.RoundTrips);
        Assert.Equal(3, result.Errors);
        Assert.Equal("no echo within 0.3 s", result.FirstError);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(10));
        listener.Dispose();
        await accepting;
        Assert.Equal(3, accepted.Count);
        accepted.ForEach(s => s.Dispose());
    }

    [Fact]
    public async Task RunAsync_NothingListens_ThrowsTheConnectsRefusal()
    {
        var port = FreePorts.Get();
        var e = await Assert.ThrowsAsync<ConnectionException>(async () =>
            await LoadGenerator.RunAsync(new LoadOptions { Host = "127.0.0.1", Port = port, Requests = 10 }, Ct));
        Assert.Equal(SockitFailure.Refused, e.Failure);
        Assert.Equal(port, e.Port);
    }

    [Fact]
    public async Task RunAsync_UdpWithPipeline_IsMisuse()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
            await LoadGenerator.RunAsync(new LoadOptions { Transport = Transport.Udp, Pipeline = 2 }, Ct));
    }
}
