using System.Text;
using Sockit.Http;
using static Sockit.Tests.Http.ReaderHarness;

namespace Sockit.Tests.Http;

public sealed class HttpResponseReaderTests
{
    [Fact]
    public void Read_ContentLength_ReadsExactlyThatManyBytesAndLeavesTheRest()
    {
        var outcome = Feed(
            "HTTP/1.1 200 OK\r\n" +          // status line
            "Content-Type: text/plain\r\n" + // a field
            "Content-Length: 5\r\n" +        // 6.3 rule 6
            "\r\n" +                         // end of the header section
            "hello" +                        // the body
            "EXTRA", close: false);           // not part of the response
        Assert.True(outcome.Reader.IsComplete);
        Assert.Equal("hello", outcome.BodyText);
        Assert.Equal(5, outcome.Leftover);
        Assert.Equal(HttpBodyFraming.ContentLength, outcome.Reader.Framing);
        Assert.Equal(200, outcome.Reader.Head!.StatusCode);
        Assert.Equal("OK", outcome.Reader.Head.ReasonPhrase);
        Assert.Equal(new Version(1, 1), outcome.Reader.Head.Version);
        Assert.Equal("text/plain", outcome.Reader.Head.GetValue("content-type"));
    }

    [Fact]
    public void Read_Chunked_DecodesIgnoresExtensionsAndKeepsTrailers()
    {
        var outcome = Feed(
            "HTTP/1.1 200 OK\r\n" +
            "Transfer-Encoding: chunked\r\n" +
            "\r\n" +
            "5;name=value\r\n" +    // chunk-size with an extension, ignored (7.1.1)
            "hello\r\n" +
            "1A ;x\r\n" +          // hex, BWS before the ";" of an extension (7.1.1)
            "abcdefghijklmnopqrstuvwxyz\r\n" +
            "0\r\n" +              // last-chunk
            "Checksum: abc\r\n" +  // a trailer field (7.1.2)
            "\r\n", close: false);
        Assert.True(outcome.Reader.IsComplete);
        Assert.Equal("helloabcdefghijklmnopqrstuvwxyz", outcome.BodyText);
        Assert.Equal(HttpBodyFraming.Chunked, outcome.Reader.Framing);
        Assert.Equal([new HttpHeaderField("Checksum", "abc")], outcome.Reader.Trailers);
    }

    [Fact]
    public void Read_TransferEncodingGzipThenChunked_IsChunked()
    {
        var outcome = Feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", close: false);
        Assert.Equal(HttpBodyFraming.Chunked, outcome.Reader.Framing);
        Assert.Equal("abc", outcome.BodyText);
    }

    [Fact]
    public void Read_TransferEncodingNotEndingInChunked_ReadsUntilClose()
    {
        var outcome = Feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nrawgzip");
        Assert.Equal(HttpBodyFraming.UntilClose, outcome.Reader.Framing);
        Assert.Equal("rawgzip", outcome.BodyText);
    }

    [Fact]
    public void Read_NeitherLengthNorChunked_ReadsUntilClose()
    {
        var reader = Feed("HTTP/1.0 200 OK\r\nServer: x\r\n\r\nall of this", close: false).Reader;
        Assert.False(reader.IsComplete);
        var outcome = Feed("HTTP/1.0 200 OK\r\nServer: x\r\n\r\nall of this");
        Assert.True(outcome.Reader.IsComplete);
        Assert.Equal("all of this", outcome.BodyText);
        Assert.Equal(HttpBodyFraming.UntilClose, outcome.Reader.Framing);
    }

    [Theory]
    [InlineData("HEAD", 200)]
    [InlineData("GET", 204)]
    [InlineData("GET", 304)]
    public void Read_HeadOr204Or304_EndsAtTheHeaderSectionDespiteContentLength(string method, int status)
    {
        var outcome = Feed($"HTTP/1.1 {status} X\r\nContent-Length: 100\r\n\r\nNEXT", method, close: false);
        Assert.True(outcome.Reader.IsComplete);
        Assert.Empty(outcome.Body);
        Assert.Equal(HttpBodyFraming.None, outcome.Reader.Framing);
        Assert.Equal(4, outcome.Leftover);
    }

    [Fact]
    public void Read_InterimResponses_AreSkippedAndKept()
    {
        var outcome = Feed(
            "HTTP/1.1 100 Continue\r\n\r\n" +
            "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n" +
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", close: false);
        Assert.Equal(2, outcome.InterimCount);
        Assert.Equal([100, 103], outcome.Reader.InterimHeads.Select(h => h.StatusCode));
        Assert.Equal("</style.css>; rel=preload", outcome.Reader.InterimHeads[1].GetValue("Link"));
        Assert.Equal(200, outcome.Reader.Head!.StatusCode);
        Assert.Equal("ok", outcome.BodyText);
    }

    [Fact]
    public void Read_SameContentLengthRepeated_IsAccepted()
    {
        var outcome = Feed("HTTP/1.1 200 OK\r\nContent-Length: 3, 3\r\nContent-Length: 3\r\n\r\nabc", close: false);
        Assert.Equal(3, outcome.Reader.ContentLength);
        Assert.Equal("abc", outcome.BodyText);
    }

    [Fact]
    public void Read_BareLfLineEndings_AreAccepted()
    {
        var outcome = Feed("HTTP/1.1 200 OK\nContent-Length: 2\n\nhi", close: false);
        Assert.Equal("hi", outcome.BodyText);
    }

    [Fact]
    public void Read_ObsFold_IsReplacedBySpace()
    {
        var outcome = Feed("HTTP/1.1 200 OK\r\nX-Long: one\r\n  two\r\nContent-Length: 0\r\n\r\n", close: false);
        Assert.Equal("one two", outcome.Reader.Head!.GetValue("X-Long"));
    }

    [Fact]
    public void Read_StatusLineWithoutReason_IsAccepted()
    {
        var outcome = Feed("HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", close: false);
        Assert.Equal(200, outcome.Reader.Head!.StatusCode);
        Assert.Equal("", outcome.Reader.Head.ReasonPhrase);
    }

    [Fact]
    public void Read_ObsTextInValue_IsKeptAsLatin1()
    {
        var outcome = Feed([Bytes("HTTP/1.1 200 OK\r\nX-Name: caf"), [0xE9], Bytes("\r\nContent-Length: 0\r\n\r\n")], close: false);
        Assert.Equal("café", outcome.Reader.Head!.GetValue("X-Name"));
    }

    [Theory]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n", "both Transfer-Encoding and Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n", "differing Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\n", "differing Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n", "invalid Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0x10\r\n\r\n", "invalid Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n", "invalid Content-Length")]
    [InlineData("HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "HTTP/1.0 response with Transfer-Encoding")]
    [InlineData("HTTP/1.1 101 Switching Protocols\r\n\r\n", "switched protocols")]
    public void Read_SmugglingShapedFraming_IsRefused(string response, string expected)
    {
        var e = Assert.Throws<HttpWireProtocolException>(() => Feed(response, close: false));
        Assert.Equal(SockitFailure.Protocol, e.Failure);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HTTP/1.1 OK\r\n\r\n")]
    [InlineData("HTTP/2 200 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 20 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 999 Nope\r\n\r\n")]
    [InlineData("HTTP/1.1  200 OK\r\n\r\n")]
    [InlineData("HTTP/1.1 200OK\r\n\r\n")]
    [InlineData("http/1.1 200 OK\r\n\r\n")]
    [InlineData("SSH-2.0-OpenSSH_9.6\r\n\r\n")]
    [InlineData("HTTP/1.1 200 O\u0001K\r\n\r\n")]
    public void Read_MalformedStatusLine_ThrowsProtocol(string response)
    {
        var e = Assert.Throws<HttpWireProtocolException>(() => Feed(response, close: false));
        Assert.Equal(SockitFailure.Protocol, e.Failure);
        Assert.StartsWith("malformed status line", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Content-Length : 5")]  // whitespace before the colon (5.1: reject)
    [InlineData("No colon here")]
    [InlineData(": empty name")]
    [InlineData("Bad Name: x")]
    [InlineData("X-Nul: a\u0000b")]
    [InlineData("X-Cr: a\rb")]
    public void Read_MalformedField_ThrowsProtocol(string field)
    {
        var e = Assert.Throws<HttpWireProtocolException>(() => Feed($"HTTP/1.1 200 OK\r\n{field}\r\n\r\n", close: false));
        Assert.Equal(SockitFailure.Protocol, e.Failure);
    }

    [Fact]
    public void Read_LineLongerThanLimit_IsRefusedBeforeItEnds()
    {
        var head = Bytes("HTTP/1.1 200 OK\r\nX-Big: " + new string('a', 9000));
        var e = Assert.Throws<HttpWireProtocolException>(() => Feed([head], close: false));
        Assert.Contains("longer than 8192 bytes", e.Message, StringComparison.Ordinal);
        Assert.Equal(("MaxLineBytes", 8192L), (e.LimitName, e.LimitValue));
    }

    [Fact]
    public void Read_LineOfExactlyTheLimit_IsAccepted()
    {
        var field = "X-Big: " + new string('a', 8192 - 7);
        var outcome = Feed($"HTTP/1.1 200 OK\r\n{field}\r\nContent-Length: 0\r\n\r\n", close: false);
        Assert.Equal(8192 - 7, outcome.Reader.Head!.GetValue("X-Big")!.Length);
    }

    [Fact]
    public void Read_HeaderSectionLargerThan64KiB_IsRefused()
    {
        var sb = new StringBuilder("HTTP/1.1 200 OK\r\n");
        for (var i = 0; i < 100; i++)
        {
            sb.Append("X-Field-").Append(i).Append(": ").Append('v', 1000).Append("\r\n");
        }
        var e = Assert.Throws<HttpWireProtocolException>(() => Feed(sb.Append("\r\n").ToString(), close: false));
        Assert.Contains("header section is larger than 65536 bytes", e.Message, StringComparison.Ordinal);
        Assert.Equal(("MaxHeaderSectionBytes", 65536L), (e.LimitName, e.LimitValue));
    }

    [Theory]
    [InlineData("10000000000000000\r\n")]  // 17 hex digits: overflows a long
    [InlineData("FFFFFFFFFFFFFFFFF\r\n")]
    [InlineData("zz\r\n")]
    [InlineData("\r\n")]
    [InlineData("5 x\r\n")]
    [InlineData("-5\r\n")]
    public void Read_BadChunkSize_ThrowsProtocol(string sizeLine)
    {
        var e = Assert.Throws<HttpWireProtocolException>(() => Feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + sizeLine, close: false));
        Assert.StartsWith("malformed chunk-size line", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ChunkLongerThanItsSize_ThrowsProtocol()
    {
        var e = Assert.Throws<HttpWireProtocolException>(() => Feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcd\r\n0\r\n\r\n", close: false));
        Assert.Contains("not followed by CRLF", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EndOfStream_ContentLengthBodyCutShort_SaysHowMuchArrived()
    {
        var e = Assert.Throws<HttpWireProtocolException>(() => Feed("HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" + new string('x', 1200)));
        Assert.Equal(SockitFailure.Truncated, e.Failure);
        Assert.StartsWith("body cut short: received 1200 of 5000 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EndOfStream_ChunkedWithoutLastChunk_IsTruncated()
    {
        var e = Assert.Throws<HttpWireProtocolException>(() => Feed("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n"));
        Assert.Equal(SockitFailure.Truncated, e.Failure);
        Assert.Contains("after 3 body bytes", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "without sending a response")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Le", "in the middle of the response head")]
    public void EndOfStream_BeforeTheHeadEnds_IsTruncated(string response, string expected)
    {
        var e = Assert.Throws<HttpWireProtocolException>(() => Feed(response));
        Assert.Equal(SockitFailure.Truncated, e.Failure);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_CustomLimits_AreEnforced()
    {
        var limits = new HttpReaderLimits { MaxLineBytes = 20, MaxHeaderSectionBytes = 100 };
        var e = Assert.Throws<HttpWireProtocolException>(() => Feed([Bytes("HTTP/1.1 200 OK\r\nX-Field: 0123456789abcdef\r\n\r\n")], close: false, limits: limits));
        Assert.Contains("longer than 20 bytes", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1F", 31L)]
    [InlineData("0", 0L)]
    [InlineData("ff;ext", 255L)]
    [InlineData("a ; ext=\"quoted\"", 10L)]
    [InlineData("7FFFFFFFFFFFFFFF", long.MaxValue)]
    public void TryParseChunkSize_Valid_ReturnsSize(string line, long expected)
    {
        Assert.True(ChunkedDecoder.TryParseChunkSize(Bytes(line), out var size));
        Assert.Equal(expected, size);
    }

    [Theory]
    [InlineData("8000000000000000")]
    [InlineData("")]
    [InlineData(";ext")]
    [InlineData("g")]
    public void TryParseChunkSize_Invalid_ReturnsFalse(string line)
    {
        Assert.False(ChunkedDecoder.TryParseChunkSize(Bytes(line), out _));
    }

    [Theory]
    [InlineData("HTTP/1.1 404 Not Found", 1, 404, "Not Found")]
    [InlineData("HTTP/1.0 200 OK", 0, 200, "OK")]
    [InlineData("HTTP/1.1 599 ", 1, 599, "")]
    public void TryParseStatusLine_Valid_ReturnsParts(string line, int minor, int code, string reason)
    {
        Assert.True(HttpStatusLine.TryParse(Bytes(line), out var status));
        Assert.Equal((new Version(1, minor), code, reason), (status.Version, status.StatusCode, status.ReasonPhrase));
    }
}
