using System.Text;
using Sockit.Http;

namespace Sockit.Tests.Http;

/// <summary>HttpRequestWriter with content: a Content-Length, then the bytes exactly; the expected bytes are written by hand.</summary>
public sealed class HttpRequestBodyTests
{
    private static readonly Uri s_url = new("http://example.test:8080/up?x=1");

    [Fact]
    public void Write_Body_AddsContentLengthAndTheBytes()
    {
        byte[] content = [0, (byte)'\r', (byte)'\n', 0xFF];
        var bytes = HttpRequestWriter.Write(new HttpWireRequest(s_url, "PUT") { UserAgent = "t", Body = content });
        byte[] expected = [.. "PUT /up?x=1 HTTP/1.1\r\nHost: example.test:8080\r\nUser-Agent: t\r\nAccept: */*\r\nConnection: close\r\nContent-Length: 4\r\n\r\n"u8, .. content];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void Write_EmptyBody_SendsContentLengthZero()
    {
        var bytes = HttpRequestWriter.Write(new HttpWireRequest(s_url, "POST") { UserAgent = "t", Body = ReadOnlyMemory<byte>.Empty });
        Assert.Equal("POST /up?x=1 HTTP/1.1\r\nHost: example.test:8080\r\nUser-Agent: t\r\nAccept: */*\r\nConnection: close\r\nContent-Length: 0\r\n\r\n", Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public void Write_NoBody_SendsNoContentLength()
    {
        var bytes = HttpRequestWriter.Write(new HttpWireRequest(s_url, "DELETE") { UserAgent = "t" });
        Assert.Equal("DELETE /up?x=1 HTTP/1.1\r\nHost: example.test:8080\r\nUser-Agent: t\r\nAccept: */*\r\nConnection: close\r\n\r\n", Encoding.Latin1.GetString(bytes));
    }

    [Fact]
    public void Write_CallersContentLength_IsKeptAndNotDoubled()
    {
        var request = new HttpWireRequest(s_url, "POST") { UserAgent = "t", Body = "abc"u8.ToArray(), Headers = [new("Content-Length", "3")] };
        Assert.Equal("POST /up?x=1 HTTP/1.1\r\nHost: example.test:8080\r\nUser-Agent: t\r\nAccept: */*\r\nConnection: close\r\nContent-Length: 3\r\n\r\nabc", Encoding.Latin1.GetString(HttpRequestWriter.Write(request)));
    }
}
