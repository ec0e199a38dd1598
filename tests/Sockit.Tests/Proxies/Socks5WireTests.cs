using System.Net;
using Sockit.Proxies;

namespace Sockit.Tests.Proxies;

/// <summary>SOCKS5's messages (RFC 1928, RFC 1929) against bytes written by hand from the RFCs, a comment per field.</summary>
public sealed class Socks5WireTests
{
    [Fact]
    public void Greeting_WithoutPassword_OffersNoAuthenticationOnly()
    {
        var buffer = new byte[16];
        var length = Socks5Wire.WriteGreeting(buffer, offerPassword: false);
        Assert.Equal(new byte[]
        {
            0x05, // VER: SOCKS5
            0x01, // NMETHODS: one
            0x00, // METHOD: NO AUTHENTICATION REQUIRED
        }, buffer[..length]);
    }

    [Fact]
    public void Greeting_WithPassword_OffersBoth()
    {
        var buffer = new byte[16];
        var length = Socks5Wire.WriteGreeting(buffer, offerPassword: true);
        Assert.Equal(new byte[]
        {
            0x05, // VER
            0x02, // NMETHODS: two
            0x00, // NO AUTHENTICATION REQUIRED
            0x02, // USERNAME/PASSWORD
        }, buffer[..length]);
    }

    [Theory]
    [InlineData(new byte[] { 0x05, 0x00 }, false, 0x00)] // VER 5, METHOD: no authentication
    [InlineData(new byte[] { 0x05, 0x02 }, true, 0x02)] // VER 5, METHOD: username/password, which was offered
    [InlineData(new byte[] { 0x05, 0xFF }, false, 0xFF)] // VER 5, NO ACCEPTABLE METHODS
    public void MethodChoice_Accepted(byte[] reply, bool offeredPassword, byte expected) =>
        Assert.Equal(expected, Socks5Wire.ReadMethodChoice(reply, offeredPassword));

    [Theory]
    [InlineData(new byte[] { 0x05, 0x02 }, "it chose authentication method 0x02, which was not offered")] // username/password, not offered
    [InlineData(new byte[] { 0x05, 0x01 }, "it chose authentication method 0x01, which was not offered")] // GSSAPI
    [InlineData(new byte[] { 0x04, 0x00 }, "version byte 0x04, expected 0x05")] // SOCKS4's version
    public void MethodChoice_Garbage(byte[] reply, string why) =>
        Assert.Equal(why, Assert.Throws<InvalidDataException>(() => Socks5Wire.ReadMethodChoice(reply, offeredPassword: false)).Message);

    [Fact]
    public void PasswordRequest_IsRfc1929()
    {
        var buffer = new byte[Socks5Wire.MaxRequestLength];
        var length = Socks5Wire.WritePasswordRequest(buffer, "alice", "pw");
        Assert.Equal(new byte[]
        {
            0x01, // VER of the sub-negotiation
            0x05, // ULEN
            (byte)'a', (byte)'l', (byte)'i', (byte)'c', (byte)'e', // UNAME
            0x02, // PLEN
            (byte)'p', (byte)'w', // PASSWD
        }, buffer[..length]);
    }

    [Theory]
    [InlineData(new byte[] { 0x01, 0x00 }, 0)] // VER 1, STATUS success
    [InlineData(new byte[] { 0x01, 0x01 }, 1)] // VER 1, STATUS failure
    [InlineData(new byte[] { 0x05, 0x00 }, 0)] // some servers echo VER 5: accepted
    public void PasswordStatus(byte[] reply, byte expected) => Assert.Equal(expected, Socks5Wire.ReadPasswordStatus(reply));

    [Fact]
    public void Connect_ToIPv4Address()
    {
        var buffer = new byte[Socks5Wire.MaxRequestLength];
        var length = Socks5Wire.WriteConnect(buffer, IPAddress.Parse("127.0.0.1"), null, 8080);
        Assert.Equal(new byte[]
        {
            0x05, // VER
            0x01, // CMD: CONNECT
            0x00, // RSV
            0x01, // ATYP: IP V4 address
            127, 0, 0, 1, // DST.ADDR
            0x1F, 0x90, // DST.PORT 8080, network order
        }, buffer[..length]);
    }

    [Fact]
    public void Connect_ToIPv6Address()
    {
        var buffer = new byte[Socks5Wire.MaxRequestLength];
        var length = Socks5Wire.WriteConnect(buffer, IPAddress.IPv6Loopback, null, 443);
        Assert.Equal(new byte[]
        {
            0x05, 0x01, 0x00, // VER, CMD CONNECT, RSV
            0x04, // ATYP: IP V6 address
            0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, // DST.ADDR ::1
            0x01, 0xBB, // DST.PORT 443
        }, buffer[..length]);
    }

    [Fact]
    public void Connect_ToName_ForTheProxyToResolve()
    {
        var buffer = new byte[Socks5Wire.MaxRequestLength];
        var length = Socks5Wire.WriteConnect(buffer, null, "example.test", 80);
        Assert.Equal(new byte[]
        {
            0x05, 0x01, 0x00, // VER, CMD CONNECT, RSV
            0x03, // ATYP: DOMAINNAME
            12, // the name's length
            (byte)'e', (byte)'x', (byte)'a', (byte)'m', (byte)'p', (byte)'l', (byte)'e', (byte)'.', (byte)'t', (byte)'e', (byte)'s', (byte)'t',
            0x00, 0x50, // DST.PORT 80
        }, buffer[..length]);
    }

    [Fact]
    public void Reply_Succeeded_GivesTheBoundAddress()
    {
        byte[] reply =
        [
            0x05, // VER
            0x00, // REP: succeeded
            0x00, // RSV
            0x01, // ATYP: IPv4
            10, 0, 0, 7, // BND.ADDR
            0xC3, 0x50, // BND.PORT 50000
        ];
        Assert.Equal(10, Socks5Wire.ReplyLength(reply));
        Assert.Equal(((byte)0, "10.0.0.7:50000"), Socks5Wire.ReadConnectReply(reply));
    }

    [Fact]
    public void Reply_WithDomainName_LengthFromItsLengthByte()
    {
        byte[] reply =
        [
            0x05, 0x05, 0x00, // VER, REP 5 (connection refused), RSV
            0x03, // ATYP: DOMAINNAME
            3, (byte)'a', (byte)'.', (byte)'b', // length 3, "a.b"
            0x00, 0x16, // BND.PORT 22
        ];
        Assert.Equal(4 + 1 + 3 + 2, Socks5Wire.ReplyLength(reply));
        Assert.Equal(((byte)5, "a.b:22"), Socks5Wire.ReadConnectReply(reply));
    }

    [Theory]
    [InlineData(new byte[] { 0x05, 0x00, 0x01, 0x01, 0 }, "its reply's reserved byte is 0x01, not 0x00")] // RSV must be 0
    [InlineData(new byte[] { 0x05, 0x00, 0x00, 0x02, 0 }, "its reply has address type 0x02, not 1, 3 or 4")] // ATYP 2 is not defined
    [InlineData(new byte[] { 0x48, 0x54, 0x54, 0x50, 0x2F }, "version byte 0x48, expected 0x05")] // "HTTP/": an HTTP server
    public void ReplyHead_Garbage(byte[] head, string why) =>
        Assert.Equal(why, Assert.Throws<InvalidDataException>(() => Socks5Wire.ReplyLength(head)).Message);

    [Fact]
    public void Reply_UnassignedReplyField_IsGarbage()
    {
        byte[] reply = [0x05, 0x09, 0x00, 0x01, 0, 0, 0, 0, 0, 0]; // REP 9: RFC 1928 assigns 0 to 8 only
        Assert.Equal("its reply field is 0x09, not one RFC 1928 defines (0 to 8)", Assert.Throws<InvalidDataException>(() => Socks5Wire.ReadConnectReply(reply)).Message);
    }
}
