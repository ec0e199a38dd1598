using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Sockit.Servers;

namespace Sockit.Tests.Servers;

/// <summary>
/// An echo's large messages, which the Linux echo loop moves by splice through one pipe it shares between clients,
/// and its small ones, which it moves by recv and send: each client gets back exactly its own bytes whichever way they
/// went, when the sizes change from message to message, when clients do not read, and when clients vanish while their
/// bytes are in flight. The oracle is the bytes each client sent.
/// </summary>
public sealed class EchoLargeMessageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SizesThatSwitchBetweenLargeAndSmall_EachMessageEchoedExactly_AndCounted()
    {
        var closed = new TaskCompletionSource<ServerEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = EchoServer.Start(options: new ServerOptions
        {
            KeepOpen = true,
            Events = e => { if (e.Kind == ServerEventKind.Closed) { closed.TrySetResult(e); } },
        });
        using var socket = await ConnectAsync(server.Port);
        var random = new Random(27);
        // Runs of large messages, then runs of small ones long enough to go back to recv, then large again.
        int[] sizes = [.. Enumerable.Range(0, 12).Select(_ => random.Next(16 * 1024, 300 * 1024)),
                       .. Enumerable.Range(0, 20).Select(_ => random.Next(1, 2048)),
                       .. Enumerable.Range(0, 12).Select(_ => random.Next(16 * 1024, 300 * 1024)),
                       65536, 1, 65536, 3, 131072, 131073, 7];
        long total = 0;
        foreach (var size in sizes)
        {
            var message = new byte[size];
            random.NextBytes(message);
            var echoed = await RoundTripAsync(socket, message);
            Assert.True(message.AsSpan().SequenceEqual(echoed), $"a {size}-byte message came back different");
            total += size;
        }
        socket.Shutdown(SocketShutdown.Send);
        Assert.Equal(0, await socket.ReceiveAsync(new byte[1], Ct));
        var end = await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Equal(total, end.BytesReceived);
        Assert.Equal(total, end.BytesSent);
    }

    [Fact]
    public async Task ClientsThatDoNotReadWhileTheyPush_GetEveryByteBackWhenTheyDo()
    {
        await using var server = EchoServer.Start(options: new ServerOptions { KeepOpen = true });
        var clients = Enumerable.Range(0, 4).Select(async i =>
        {
            var payload = RandomNumberGenerator.GetBytes(8 << 20);
            using var socket = await ConnectAsync(server.Port);
            // Push it all and half-close before reading a byte: the echo backs up, the server keeps the rest of an answer
            // for the client and stops reading it, and every byte must still come back in order.
            var push = Task.Run(async () =>
            {
                await socket.SendAsync(payload, SocketFlags.None, Ct);
                socket.Shutdown(SocketShutdown.Send);
            }, Ct);
            await Task.Delay(300, Ct);
            var echoed = await ReceiveToEndAsync(socket);
            await push;
            return SHA256.HashData(payload).SequenceEqual(SHA256.HashData(echoed)) && echoed.Length == payload.Length;
        });
        Assert.All(await Task.WhenAll(clients), Assert.True);
    }

    [Fact]
    public async Task ClientsReset_WhileTheirLargeEchoesAreInFlight_OthersGetOnlyTheirOwnBytes()
    {
        await using var server = EchoServer.Start(options: new ServerOptions { KeepOpen = true });
        var failures = new ConcurrentQueue<string>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        // Vandals send large messages, read a little, and reset: their bytes are in the pipe or on their way when they go.
        var vandals = Task.Run(async () =>
        {
            var junk = new byte[256 * 1024];
            Array.Fill(junk, (byte)0xEE);
            while (!stop.IsCancellationRequested)
            {
                using var vandal = await ConnectAsync(server.Port);
                await vandal.SendAsync(junk, SocketFlags.None, Ct);
                _ = await vandal.ReceiveAsync(new byte[1000], Ct);
                vandal.LingerState = new LingerOption(true, 0); // close with a reset
                vandal.Close();
            }
        }, Ct);
        var honest = Enumerable.Range(0, 3).Select(async i =>
        {
            using var socket = await ConnectAsync(server.Port);
            var random = new Random(i);
            for (var round = 0; round < 60; round++)
            {
                var message = new byte[random.Next(1, 200 * 1024)];
                random.NextBytes(message);
                var echoed = await RoundTripAsync(socket, message);
                if (!message.AsSpan().SequenceEqual(echoed))
                {
                    failures.Enqueue($"client {i}, round {round}: {message.Length} bytes came back different");
                }
            }
        });
        await Task.WhenAll(honest);
        await stop.CancelAsync();
        await vandals.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Empty(failures);
    }

    private static async Task<Socket> ConnectAsync(int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), Ct);
        return socket;
    }

    private static async Task<byte[]> RoundTripAsync(Socket socket, byte[] message)
    {
        var send = socket.SendAsync(message, SocketFlags.None, Ct).AsTask();
        var echoed = new byte[message.Length];
        var got = 0;
        while (got < echoed.Length)
        {
            var n = await socket.ReceiveAsync(echoed.AsMemory(got), Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(20), Ct);
            Assert.NotEqual(0, n); // the server does not end an echo early
            got += n;
        }
        await send;
        return echoed;
    }

    private static async Task<byte[]> ReceiveToEndAsync(Socket socket)
    {
        using var all = new MemoryStream();
        var buffer = new byte[1 << 20];
        int n;
        while ((n = await socket.ReceiveAsync(buffer, Ct).AsTask().WaitAsync(TimeSpan.FromSeconds(30), Ct)) > 0)
        {
            all.Write(buffer, 0, n);
        }
        return all.ToArray();
    }
}
