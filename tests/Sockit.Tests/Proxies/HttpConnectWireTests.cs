using System.Text;
using Sockit.Proxies;

namespace Sockit.Tests.Proxies;

/// <summary>HTTP CONNECT's request and reply head (RFC 9110 section 9.3.6, RFC 9112) against hand-written bytes.</summary>
public sealed class HttpConnectWireTests
{
    [Fact]
    public void Request_WithoutCredentials()
    {
        var request = HttpConnectWire.WriteRequest("localhost:8443", null, null);
        Assert.Equal(
            "CONNECT localhost:8443 HTTP/1.1\r\n" // request line, authority-form (RFC 9112 section 3.2.3)
            + "Host: localhost:8443\r\n" // Host, the same authority
            + "\r\n", // end of the head
            Encoding.ASCII.GetString(request));
    }

    [Fact]
    public void Request_WithCredentials_SendsBasicProxyAuthorization()
    {
        var request = HttpConnectWire.WriteRequest("[::1]:22", "alice", "open sesame");
        Assert.Equal(
            "CONNECT [::1]:22 HTTP/1.1\r\n"
            + "Host: [::1]:22\r\n"
            + "Proxy-Authorization: Basic YWxpY2U6b3BlbiBzZXNhbWU=\r\n" // base64("alice:open sesame"), RFC 7617
            + "\r\n",
            Encoding.ASCII.GetString(request));
    }

    [Theory]
    [InlineData("", 4)] // nothing yet: the shortest head end is 4 bytes away
    [InlineData("HTTP/1.1 200 OK", 4)]
    [InlineData("HTTP/1.1 200 OK\r", 3)] // CR: at most LF CR LF to go
    [InlineData("HTTP/1.1 200 OK\r\n", 2)] // CR LF: at most CR LF to go
    [InlineData("HTTP/1.1 200 OK\r\n\r", 1)] // CR LF CR: one LF to go
    [InlineData("HTTP/1.1 200 OK\r\n\r\n", 0)] // complete
    public void SafeReadLength_NeverReadsPastTheHead(string head, int expected) =>
        Assert.Equal(expected, HttpConnectWire.SafeReadLength(Encoding.ASCII.GetBytes(head)));

    [Fact]
    public void ReplyHead_Established()
    {
        var status = HttpConnectWire.ReadReplyHead("HTTP/1.1 200 Connection established\r\nProxy-agent: test\r\n\r\n"u8);
        Assert.Equal(200, status.StatusCode);
        Assert.Equal("Connection established", status.ReasonPhrase);
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\n bad: fold\r\n\r\n", "' bad: fold' in its reply is not a header field")] // obs-fold, which RFC 9112 section 5.2 lets a client reject
    [InlineData("HTTP/1.1 2000 OK\r\n\r\n", "'HTTP/1.1 2000 OK' is not an HTTP status line")] // four digits
    [InlineData("HTTP/2 200\r\n\r\n", "'HTTP/2 200' is not an HTTP status line")] // not HTTP/1.x
    public void ReplyHead_Garbage(string head, string why) =>
        Assert.Equal(why, Assert.Throws<InvalidDataException>(() => HttpConnectWire.ReadReplyHead(Encoding.ASCII.GetBytes(head))).Message);

    [Theory]
    [InlineData("HTT", 0, null)] // a prefix of HTTP/: may still be a reply
    [InlineData("SSH-", 0, "'SSH-' is not an HTTP reply")]
    [InlineData("\u0005\u0000", 0, "'\\x05\\x00' is not an HTTP reply")] // a SOCKS5 method choice
    [InlineData("HTTP/1.1 200 OK\n", 12, "a line of its reply ends in LF without CR")]
    [InlineData("HTTP/1.1 OK\r\n", 8, "'HTTP/1.1 OK' is not an HTTP status line")]
    public void CheckStart_TellsGarbageAtTheFirstBytes(string head, int newFrom, string? why) =>
        Assert.Equal(why, HttpConnectWire.CheckStart(Encoding.Latin1.GetBytes(head), newFrom));
}
