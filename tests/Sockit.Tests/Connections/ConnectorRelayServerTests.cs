using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Sockit.Connections;
using Sockit.Servers;
using Sockit.Testing;

namespace Sockit.Tests.Connections;

/// <summary>Connector, Relay and the servers in-process, on loopback, as a test suite would use them.</summary>
public sealed class ConnectorRelayServerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReplyServer_LessonExchange_AnswersAndBothClose()
    {
        await using var server = ReplyServer.Start(ReplyServer.LessonReply, closeAfterReply: true);
        Assert.Equal(IPAddress.Loopback, ((IPEndPoint)server.LocalEndPoint).Address);
        await using var client = await Connector.ConnectAsync("127.0.0.1", server.Port, cancellationToken: Ct);
        await client.SendAsync("Hey, can you hear me?"u8.ToArray(), Ct);
        var answer = await client.ReceiveToEndAsync(Ct);
        Assert.Equal("Yes, I can hear you.", Encoding.UTF8.GetString(answer));
    }

    [Fact]
    public async Task Server_RespondOption_AnswersWithItsBytesThenCloses()
    {
        // The README's example: any answer is a configuration of the one Server.
        await using var server = Server.Start(new ListenerOptions(), new ServerOptions
        {
            Respond = message => Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(message.Span).ToUpperInvariant()),
            CloseAfterResponse = true,
        });
        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(IPAddress.Loopback, server.Port, Ct);
        await client.SendAsync("hey there"u8.ToArray(), Ct);
        using var received = new MemoryStream();
        var buffer = new byte[64];
        using var closeExpected = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        closeExpected.CancelAfter(TimeSpan.FromSeconds(10)); // without CloseAfterResponse the server would keep the client open
        int n;
        while ((n = await client.ReceiveAsync(buffer, closeExpected.Token)) > 0)
        {
            received.Write(buffer, 0, n);
        }
        Assert.Equal("HEY THERE"u8.ToArray(), received.ToArray());
    }

    [Fact]
    public async Task Relay_ThroughEchoServer_BytesExactWithHalfClose()
    {
        await using var server = EchoServer.Start();
        await using var connection = await Connector.ConnectAsync("localhost", server.Port, cancellationToken: Ct);
        var data = new byte[8 * 1024 * 1024];
        Random.Shared.NextBytes(data);
        var output = new MemoryStream();
        var result = await Relay.RunAsync(connection, new MemoryStream(data), output, cancellationToken: Ct);
        Assert.Equal(SHA256.HashData(data), SHA256.HashData(output.ToArray()));
        Assert.Equal((data.Length, data.Length, true, true), (result.BytesSent, result.BytesReceived, result.InputEnded, result.PeerClosed));
    }

    [Fact]
    public async Task Relay_Observer_SeesBothDirections()
    {
        await using var server = EchoServer.Start();
        await using var connection = await Connector.ConnectAsync("127.0.0.1", server.Port, cancellationToken: Ct);
        long sent = 0, received = 0;
        var options = new RelayOptions
        {
            Observer = (direction, data) =>
            {
                if (direction == RelayDirection.Sent)
                {
                    Interlocked.Add(ref sent, data.Length);
                }
                else
                {
                    Interlocked.Add(ref received, data.Length);
                }
            },
        };
        await Relay.RunAsync(connection, new MemoryStream(new byte[5000]), new MemoryStream(), options, Ct);
        Assert.Equal((5000L, 5000L), (sent, received));
    }

    [Fact]
    public async Task EchoServer_Udp_AnswersEachPeerByItsAddress()
    {
        await using var server = EchoServer.Start(new ListenerOptions { Transport = Transport.Udp });
        var clients = new List<Connection>();
        try
        {
            for (var i = 0; i < 4; i++)
            {
                clients.Add(await Connector.ConnectAsync("127.0.0.1", server.Port, new ConnectOptions { Transport = Transport.Udp }, Ct));
            }
            for (var i = 0; i < clients.Count; i++)
            {
                await clients[i].SendAsync(Encoding.ASCII.GetBytes($"peer {i}"), Ct);
            }
            for (var i = 0; i < clients.Count; i++)
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                Assert.Equal($"peer {i}", Encoding.ASCII.GetString(await clients[i].ReceiveToEndAsync(timeout.Token)));
            }
            Assert.Equal(4, server.ClientCount);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task EchoServer_Unix_EchoesAndRemovesItsFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sockit-{Guid.NewGuid():N}.sock");
        await using (var server = EchoServer.Start(new ListenerOptions { Transport = Transport.Unix, UnixPath = path }))
        {
            Assert.Equal(path, server.Listener.Name);
            await using var connection = await Connector.ConnectUnixAsync(path, cancellationToken: Ct);
            await connection.SendAsync("unix"u8.ToArray(), Ct);
            connection.ShutdownSend();
            Assert.Equal("unix", Encoding.ASCII.GetString(await connection.ReceiveToEndAsync(Ct)));
        }
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task EchoServer_Ipv6Loopback_Echoes()
    {
        await using var server = EchoServer.Start(ListenerOptions.Tcp(IPAddress.IPv6Loopback));
        await using var connection = await Connector.ConnectAsync("::1", server.Port, new ConnectOptions { Family = AddressFamily.InterNetworkV6 }, Ct);
        Assert.Equal(AddressFamily.InterNetworkV6, connection.RemoteEndPoint.AddressFamily);
        await connection.SendAsync("six"u8.ToArray(), Ct);
        connection.ShutdownSend();
        Assert.Equal("six", Encoding.ASCII.GetString(await connection.ReceiveToEndAsync(Ct)));
    }

    [Fact]
    public async Task Server_Received_SeesEveryClientsMessagesAndEvents()
    {
        var arrived = new List<string>();
        var events = new List<ServerEventKind>();
        await using var server = Server.Start(new ListenerOptions(), new ServerOptions
        {
            Received = (_, data) =>
            {
                lock (arrived)
                {
                    arrived.Add(Encoding.ASCII.GetString(data.Span));
                }
            },
            Events = e =>
            {
                lock (events)
                {
                    events.Add(e.Kind);
                }
            },
        });
        for (var i = 0; i < 3; i++)
        {
            await using var client = await Connector.ConnectAsync("127.0.0.1", server.Port, cancellationToken: Ct);
            await client.SendAsync(Encoding.ASCII.GetBytes($"m{i}"), Ct);
            client.ShutdownSend();
            Assert.Empty(await client.ReceiveToEndAsync(Ct));
        }
        Assert.Equal(["m0", "m1", "m2"], arrived);
        await WaitUntilAsync(() => events.Count(k => k == ServerEventKind.Closed) == 3);
        Assert.Equal(3, events.Count(k => k == ServerEventKind.Connected));
    }

    [Fact]
    public async Task Server_NotKeepOpen_StopsAfterItsOneClient()
    {
        await using var server = EchoServer.Start(options: new ServerOptions { KeepOpen = false });
        await using (var client = await Connector.ConnectAsync("127.0.0.1", server.Port, cancellationToken: Ct))
        {
            client.ShutdownSend();
            await client.ReceiveToEndAsync(Ct);
        }
        await server.Completion.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        var refused = await Assert.ThrowsAsync<ConnectionException>(async () => await Connector.ConnectAsync("127.0.0.1", server.Port, cancellationToken: Ct));
        Assert.Equal(SockitFailure.Refused, refused.Failure);
    }

    [Fact]
    public async Task Connector_Refused_FailureKindAndSocketError()
    {
        int port;
        using (var probe = Py.CreateServer(("127.0.0.1", 0)))
        {
            port = probe.Port;
        }
        var e = await Assert.ThrowsAsync<ConnectionException>(async () => await Py.CreateConnectionAsync(("127.0.0.1", port), cancellationToken: Ct));
        Assert.Equal(SockitFailure.Refused, e.Failure);
        Assert.Equal(SocketError.ConnectionRefused, e.SocketError);
        Assert.IsType<SocketException>(e.InnerException);
    }

    [Fact]
    public async Task Connector_Probe_OpenAndClosed()
    {
        await using var server = EchoServer.Start();
        var open = await Connector.ProbeAsync("127.0.0.1", server.Port, cancellationToken: Ct);
        Assert.True(open.Open);
        using var gone = Py.CreateServer(("127.0.0.1", 0));
        var port = gone.Port;
        gone.Dispose();
        var closed = await Connector.ProbeAsync("127.0.0.1", port, cancellationToken: Ct);
        Assert.Equal((false, SockitFailure.Refused, 111), (closed.Open, closed.Failure, closed.ErrorNumber));
    }

    [Fact]
    public async Task Listener_PortInUse_AddressInUseNamingThePort()
    {
        await using var first = EchoServer.Start();
        var e = Assert.Throws<ConnectionException>(() => Listener.Bind(ListenerOptions.Tcp(IPAddress.Loopback, first.Port)));
        Assert.Equal(SockitFailure.AddressInUse, e.Failure);
        // The port is named in the message and as a fact; what to do about it is the caller's to say.
        Assert.Equal($"cannot listen on 127.0.0.1:{first.Port}: Address already in use", e.Message);
        Assert.Equal((ConnectionPhase.Bind, "127.0.0.1", first.Port, (string?)null), (e.Phase, e.Host, e.Port, e.Path));
        Assert.Equal(SocketError.AddressAlreadyInUse, e.SocketError);
    }

    [Fact]
    public async Task Relay_PeerAborts_Reset()
    {
        using var listener = Py.CreateServer(("127.0.0.1", 0));
        var accept = listener.AcceptAsync(Ct);
        await using var connection = await Connector.ConnectAsync("127.0.0.1", listener.Port, cancellationToken: Ct);
        var peer = await accept;
        var input = new BlockingInput();
        var relay = Relay.RunAsync(connection, input, new MemoryStream(), cancellationToken: Ct).AsTask();
        peer.Abort();
        var e = await Assert.ThrowsAsync<ConnectionException>(() => relay);
        Assert.Equal(SockitFailure.Reset, e.Failure);
        input.Release();
    }

    [Fact]
    public async Task Python_ClientScript_GetsTheLessonReply()
    {
        await using var server = ReplyServer.Start(ReplyServer.LessonReply);
        var answer = await Python.RunAsync($"""
            import socket
            s = socket.create_connection(('127.0.0.1', {server.Port}))
            s.sendall(b'Hey, can you hear me?')
            print(s.recv(4096).decode())
            s.close()
            """);
        Assert.Equal("Yes, I can hear you.\n", answer);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 250 && !condition(); i++)
        {
            await Task.Delay(20);
        }
        Assert.True(condition());
    }

    /// <summary>An input that has no data yet and does not end (as a terminal), until released.</summary>
    private sealed class BlockingInput : Stream
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _released.TrySetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            await _released.Task.WaitAsync(cancellationToken);
            return 0;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
