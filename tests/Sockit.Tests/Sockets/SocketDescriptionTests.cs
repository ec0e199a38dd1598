using System.Net;
using System.Net.Sockets;
using Sockit.Sockets;

namespace Sockit.Tests.Sockets;

public sealed class SocketDescriptionTests
{
    [Fact]
    public void Of_UnboundTcpSocket_ShowsWildcardLikeGetsockname()
    {
        using var socket = SocketFactory.Create();
        var description = SocketDescription.Of(socket);
        Assert.Equal(AddressFamily.InterNetwork, description.Family);
        Assert.Equal(SocketType.Stream, description.SocketType);
        Assert.Equal(ProtocolType.Unspecified, description.Protocol);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 0), description.LocalEndPoint);
        Assert.Null(description.RemoteEndPoint);
        Assert.Equal(socket.SafeHandle.DangerousGetHandle(), description.Descriptor);
        Assert.Equal(2, description.OsFamily);
    }

    [Fact]
    public async Task Of_ConnectedSocket_ShowsBothEnds()
    {
        using var listener = SocketFactory.Create();
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        using var client = SocketFactory.Create(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await client.ConnectAsync(listener.LocalEndPoint!, TestContext.Current.CancellationToken);
        var description = SocketDescription.Of(client);
        Assert.Equal(listener.LocalEndPoint, description.RemoteEndPoint);
        Assert.Equal(client.LocalEndPoint, description.LocalEndPoint);
        Assert.Equal(ProtocolType.Tcp, description.Protocol);
    }

    [Fact]
    public void Of_BoundUnixSocket_ShowsItsPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sockit-{Guid.NewGuid():N}.sock");
        try
        {
            using var socket = SocketFactory.Create(AddressFamily.Unix, SocketType.Stream);
            Assert.Null(SocketDescription.Of(socket).LocalEndPoint);
            socket.Bind(new UnixDomainSocketEndPoint(path));
            Assert.Equal(path, SocketDescription.Of(socket).LocalEndPoint?.ToString());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Create_ImpossibleCombination_ThrowsSocketCreationExceptionWithOsError()
    {
        var e = Assert.Throws<SocketCreationException>(() => SocketFactory.Create(AddressFamily.InterNetwork, SocketType.Seqpacket, ProtocolType.Udp));
        Assert.IsType<SocketException>(e.InnerException);
        Assert.StartsWith("cannot create a socket(AF_INET, SOCK_SEQPACKET, 17): ", e.Message, StringComparison.Ordinal);
    }
}
