using System.Net;
using System.Net.Sockets;
using Sockit.Cli.Rendering;
using Sockit.Sockets;

namespace Sockit.Cli.Tests.Renderers;

/// <summary>The socket command's renderer on hand-built descriptions: exact text, JSON and Python.</summary>
public sealed class SocketRendererTests
{
    private static readonly SocketDescription s_udp = new(7, AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp, new IPEndPoint(IPAddress.Any, 0), null);

    private static readonly SocketDescription s_abstractUnix = new(9, AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified, new UnixDomainSocketEndPoint("\0sockit"), null);

    private static readonly SocketDescription s_unnamedUnix = new(4, AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified, null, null);

    [Fact]
    public void Text_IpSocket()
    {
        Assert.Equal(
            new Rendered("fd      7\nfamily  AF_INET (2)\ntype    SOCK_DGRAM (2)\nproto   17 (udp)\nlocal   0.0.0.0:0\n", ""),
            Rendered.Text(new SocketDescriptionRenderer(), s_udp));
    }

    [Fact]
    public void Text_UnixSockets_AbstractNameWithAtAndUnnamed()
    {
        Assert.Equal(
            "fd      9\nfamily  AF_UNIX (1)\ntype    SOCK_STREAM (1)\nproto   0 (the family's default)\nlocal   @sockit\n",
            Rendered.Text(new SocketDescriptionRenderer(), s_abstractUnix).Stdout);
        Assert.Equal(
            "fd      4\nfamily  AF_UNIX (1)\ntype    SOCK_DGRAM (2)\nproto   0 (the family's default)\nlocal   (unnamed)\n",
            Rendered.Text(new SocketDescriptionRenderer(), s_unnamedUnix).Stdout);
    }

    [Fact]
    public void Json_IpSocketHasAddressAndPort()
    {
        Assert.Equal("""
            {
              "version": 1,
              "fd": 7,
              "family": "AF_INET",
              "familyNumber": 2,
              "type": "SOCK_DGRAM",
              "typeNumber": 2,
              "protocol": 17,
              "localAddress": "0.0.0.0",
              "localPort": 0
            }

            """, Rendered.Json(new SocketDescriptionRenderer(), s_udp));
    }

    [Fact]
    public void Json_UnixSocketHasAPathOrNothing()
    {
        Assert.Equal("""
            {
              "version": 1,
              "fd": 9,
              "family": "AF_UNIX",
              "familyNumber": 1,
              "type": "SOCK_STREAM",
              "typeNumber": 1,
              "protocol": 0,
              "localPath": "@sockit"
            }

            """, Rendered.Json(new SocketDescriptionRenderer(), s_abstractUnix));
        Assert.Equal("""
            {
              "version": 1,
              "fd": 4,
              "family": "AF_UNIX",
              "familyNumber": 1,
              "type": "SOCK_DGRAM",
              "typeNumber": 2,
              "protocol": 0
            }

            """, Rendered.Json(new SocketDescriptionRenderer(), s_unnamedUnix));
    }

    [Fact]
    public void Python_IsTheSocketsRepr()
    {
        Assert.Equal("<socket.socket fd=7, family=2, type=2, proto=17, laddr=('0.0.0.0', 0)>\n", Rendered.Python(new SocketDescriptionRenderer(), s_udp));
        Assert.Equal("<socket.socket fd=9, family=1, type=1, proto=0, laddr=b'\\x00sockit'>\n", Rendered.Python(new SocketDescriptionRenderer(), s_abstractUnix));
        Assert.Equal("<socket.socket fd=4, family=1, type=2, proto=0>\n", Rendered.Python(new SocketDescriptionRenderer(), s_unnamedUnix));
    }
}
