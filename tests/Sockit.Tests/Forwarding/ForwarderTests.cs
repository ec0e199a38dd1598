using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Sockit.Connections;
using Sockit.Forwarding;
using Sockit.Servers;

namespace Sockit.Tests.Forwarding;

/// <summary>The library's Forwarder between plain .NET sockets on loopback (hand-written peers): bytes, half-close, events, stopping.</summary>
public sealed class ForwarderTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Relay_HalfClose_TheTargetAnswersAfterEof_AndTheClosedEventCountsBothWays()
    {
        using var target = Listen();
        var events = new ConcurrentQueue<ForwardEvent>();
        await using var forwarder = Forwarder.Start(new ForwardOptions
        {
            Listen = ListenerOptions.Tcp(IPAddress.Loopback),
            Target = ForwardTarget.Tcp("127.0.0.1", Port(target)),
            Events = events.Enqueue,
        });
        // The target reads to the end of file, then answers with what it got, reversed.
        var served = Task.Run(async () =>
        {
            using var peer = await target.AcceptAsync(Token);
            var got = await ReadToEndAsync(peer);
            Array.Reverse(got);
            await peer.SendAsync(got, SocketFlags.None, Token);
            peer.Shutdown(SocketShutdown.Send);
        }, Token);
        var data = RandomNumberGenerator.GetBytes(1024 * 1024 + 17);
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(IPAddress.Loopback, forwarder.Listener.Port, Token);
        await client.SendAsync(data, SocketFlags.None, Token);
        client.Shutdown(SocketShutdown.Send);
        var answer = await ReadToEndAsync(client);
        await served;
        Array.Reverse(data);
        Assert.Equal(data, answer);
        var closed = await WaitForAsync(events, ForwardEventKind.Closed);
        Assert.Equal(data.Length, closed.BytesUp);
        Assert.Equal(data.Length, closed.BytesDown);
        Assert.Null(closed.Failure);
        Assert.Equal(client.LocalEndPoint, closed.Client);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, Port(target)), closed.TargetAddress);
        Assert.Equal([ForwardEventKind.Connected, ForwardEventKind.Closed], events.Select(e => e.Kind));
        Assert.Equal(0, forwarder.ActiveClients);
    }

    [Fact]
    public async Task RefusedTarget_ClientGetsEof_TargetFailedEventSaysRefused()
    {
        var closedPort = FreePort();
        var events = new ConcurrentQueue<ForwardEvent>();
        await using var forwarder = Forwarder.Start(new ForwardOptions
        {
            Listen = ListenerOptions.Tcp(IPAddress.Loopback),
            Target = ForwardTarget.Tcp("127.0.0.1", closedPort),
            Events = events.Enqueue,
        });
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(IPAddress.Loopback, forwarder.Listener.Port, Token);
        Assert.Empty(await ReadToEndAsync(client));
        var failed = await WaitForAsync(events, ForwardEventKind.TargetFailed);
        Assert.Equal(SockitFailure.Refused, failed.Failure!.Failure);
        Assert.Equal($"127.0.0.1:{closedPort}", failed.Target);
    }

    [Fact]
    public async Task Dispose_ClosesClientsWhoseTargetIsSilent_AndCompletes()
    {
        using var target = Listen();
        await using var forwarder = Forwarder.Start(new ForwardOptions
        {
            Listen = ListenerOptions.Tcp(IPAddress.Loopback),
            Target = ForwardTarget.Tcp("127.0.0.1", Port(target)),
        });
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(IPAddress.Loopback, forwarder.Listener.Port, Token);
        using var peer = await target.AcceptAsync(Token);
        await forwarder.DisposeAsync();
        Assert.True(forwarder.Completion.IsCompleted);
        // The client learns of it: a reset (the relay is aborted) or an end of file, never a hang.
        var buffer = new byte[16];
        var receive = client.ReceiveAsync(buffer, SocketFlags.None, Token).AsTask();
        var finished = await Task.WhenAny(receive, Task.Delay(TimeSpan.FromSeconds(10), Token));
        Assert.Same(receive, finished);
        var ended = await receive.ContinueWith(t => t.IsFaulted || t.Result == 0, Token, TaskContinuationOptions.None, TaskScheduler.Default);
        Assert.True(ended);
    }

    [Fact]
    public void Start_UdpListenerWithStreamTarget_ThrowsBeforeBinding()
    {
        var e = Assert.Throws<ArgumentException>(() => Forwarder.Start(new ForwardOptions
        {
            Listen = new ListenerOptions { Transport = Transport.Udp },
            Target = ForwardTarget.Tcp("127.0.0.1", 53),
        }));
        Assert.Contains("UDP", e.Message, StringComparison.Ordinal);
    }

    private static Socket Listen()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        socket.Listen();
        return socket;
    }

    private static int Port(Socket socket) => ((IPEndPoint)socket.LocalEndPoint!).Port;

    private static int FreePort()
    {
        using var socket = Listen();
        return Port(socket);
    }

    private static async Task<byte[]> ReadToEndAsync(Socket socket)
    {
        using var all = new MemoryStream();
        var buffer = new byte[65536];
        int n;
        while ((n = await socket.ReceiveAsync(buffer, SocketFlags.None, Token)) > 0)
        {
            all.Write(buffer, 0, n);
        }
        return all.ToArray();
    }

    private static async Task<ForwardEvent> WaitForAsync(ConcurrentQueue<ForwardEvent> events, ForwardEventKind kind)
    {
        for (var i = 0; i < 500; i++)
        {
            if (events.FirstOrDefault(e => e.Kind == kind) is { } found)
            {
                return found;
            }
            await Task.Delay(20, Token);
        }
        throw new TimeoutException($"no {kind} event: {string.Join(", ", events.Select(e => e.Kind))}");
    }
}
