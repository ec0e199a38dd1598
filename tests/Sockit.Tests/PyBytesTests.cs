using System.Net;
using System.Net.Sockets;
using Sockit.Servers;

namespace Sockit.Tests;

public sealed class PyBytesTests
{
    [Fact]
    public void SendAll_Text_ThrowsLikePythonsTypeError()
    {
        using var socket = Py.Socket();
        var e = Assert.Throws<ArgumentException>(() => Py.SendAll(socket, "Hey, can you hear me?"));
        Assert.StartsWith("a bytes-like object is required, not 'string'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAll_Bytes_ArriveWhole()
    {
        await using var listener = Listener.Bind(ListenerOptions.Tcp(IPAddress.Loopback));
        using var client = Py.Socket();
        await client.ConnectAsync(listener.LocalEndPoint, TestContext.Current.CancellationToken);
        await using var server = await listener.AcceptAsync(TestContext.Current.CancellationToken);
        var data = new byte[300_000];
        Random.Shared.NextBytes(data);
        Py.SendAll(client, data);
        client.Shutdown(SocketShutdown.Send);
        Assert.Equal(data, await server.ReceiveToEndAsync(TestContext.Current.CancellationToken));
    }
}
