using System.Net.Sockets;
using System.Text.Json;
using Sockit.Sockets;
using Sockit.Testing;

namespace Sockit.Tests.Sockets;

public sealed class SocketConstantsTests
{
    [Fact]
    public async Task List_EveryPrefix_MatchesPythonsNamesAndNumbers()
    {
        var expected = await Python.RunAsync("""
            import json, socket
            print(json.dumps([[n, int(getattr(socket, n))] for n in dir(socket) if n.startswith(('AF_', 'SOCK_', 'IPPROTO_'))]))
            """);
        using var document = JsonDocument.Parse(expected);
        var python = document.RootElement.EnumerateArray().Select(e => $"{e[0].GetString()}={e[1].GetInt32()}").ToList();
        Assert.Equal(python, SocketConstants.List().Select(c => $"{c.Name}={c.Value}"));
    }

    [Fact]
    public async Task FamilyAndTypeNames_MatchPythonsEnums()
    {
        var expected = await Python.RunAsync("import socket; print(list(socket.AddressFamily)); print(list(socket.SocketKind))");
        var families = SocketConstants.AddressFamilies.Where(c => c.Name != "AF_ROUTE" && c.Name != "AF_DECnet").OrderBy(c => c.Value);
        var actual = $"[{string.Join(", ", families.Select(c => $"<AddressFamily.{c.Name}: {c.Value}>"))}]\n"
            + $"[{string.Join(", ", SocketConstants.SocketTypes.OrderBy(c => c.Value).Select(c => $"<SocketKind.{c.Name}: {c.Value}>"))}]\n";
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("inet", AddressFamily.InterNetwork)]
    [InlineData("INET6", AddressFamily.InterNetworkV6)]
    [InlineData("AF_UNIX", AddressFamily.Unix)]
    [InlineData("10", AddressFamily.InterNetworkV6)]
    [InlineData("any", AddressFamily.Unspecified)]
    [InlineData("unspec", AddressFamily.Unspecified)]
    public void TryParseFamily_KnownSpellings_ParseToDotNetFamily(string text, AddressFamily expected)
    {
        Assert.True(SocketConstants.TryParseFamily(text, out var family));
        Assert.Equal(expected, family);
    }

    [Theory]
    [InlineData("inet7")]
    [InlineData("")]
    [InlineData("netlink")] // a Linux family .NET cannot name
    [InlineData("99999")]
    public void TryParseFamily_Unknown_False(string text) => Assert.False(SocketConstants.TryParseFamily(text, out _));

    [Theory]
    [InlineData("stream", SocketType.Stream)]
    [InlineData("SOCK_DGRAM", SocketType.Dgram)]
    [InlineData("3", SocketType.Raw)]
    [InlineData("seqpacket", SocketType.Seqpacket)]
    public void TryParseSocketType_Known_Parses(string text, SocketType expected)
    {
        Assert.True(SocketConstants.TryParseSocketType(text, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("nonblock")] // a flag, not a type
    [InlineData("datagram")]
    [InlineData("0")]
    public void TryParseSocketType_NotAType_False(string text) => Assert.False(SocketConstants.TryParseSocketType(text, out _));

    [Theory]
    [InlineData("tcp", ProtocolType.Tcp)]
    [InlineData("IPPROTO_UDP", ProtocolType.Udp)]
    [InlineData("icmpv6", ProtocolType.IcmpV6)]
    [InlineData("0", ProtocolType.Unspecified)]
    [InlineData("132", (ProtocolType)132)]
    public void TryParseProtocol_Known_Parses(string text, ProtocolType expected)
    {
        Assert.True(SocketConstants.TryParseProtocol(text, out var protocol));
        Assert.Equal(expected, protocol);
    }

    [Fact]
    public void OsNumbers_AreLinuxs_NotDotNets()
    {
        Assert.Equal(10, SocketConstants.ToOsNumber(AddressFamily.InterNetworkV6));
        Assert.Equal(AddressFamily.InterNetworkV6, SocketConstants.FamilyFromOsNumber(10));
        Assert.Equal("AF_NETLINK", SocketConstants.AddressFamilies.First(c => c.Value == 16).Name is "AF_NETLINK" or "AF_ROUTE" ? "AF_NETLINK" : null);
        Assert.Equal("IPPROTO_IP", SocketConstants.ProtocolName(ProtocolType.Unspecified));
        Assert.Throws<ArgumentOutOfRangeException>(() => SocketConstants.ToOsNumber(AddressFamily.AppleTalk));
    }
}
