using Sockit.Http;
using static Sockit.Tests.Http.ReaderHarness;

namespace Sockit.Tests.Http;

/// <summary>
/// The cases where sockit differed from a well-known HTTP parser's response suite, each decided by RFC 9112, and the
/// bound on interim (1xx) responses.
/// </summary>
public sealed class HttpFramingRfcTests
{
    private const string Chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    // What an aiohttp server sends after "Expect: 100-continue": the interim head, then one more CRLF (RFC 9112
    // section 2.2: ignore at least one empty line before the start line).
    [InlineData("HTTP/1.1 100 Continue\r\n\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nnot")]
    [InlineData("\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nnot")]
    [InlineData("\r\n\r\n\nHTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nnot")]
    public void Read_EmptyLinesBeforeTheStatusLine_AreIgnored(string response)
    {
        var wire = Bytes(response);
        foreach (var outcome in new[] { Feed([wire], close: false), FeedBytewise(wire) })
        {
            Assert.Equal(404, outcome.Reader.Head!.StatusCode);
            Assert.Equal("not", outcome.BodyText);
        }
    }

    [Fact]
    public void Read_EndlessEmptyLinesBeforeTheStatusLine_AreBoundedByTheHeaderSectionLimit()
    {
        var e = Assert.Throws<HttpWireProtocolException>(() => Feed(string.Concat(Enumerable.Repeat("\r\n", 40_000)), close: false));
        Assert.Equal(("MaxHeaderSectionBytes", 65536L), (e.LimitName, e.LimitValue));
    }

    [Theory]
    [InlineData("25  \r\n")]                  // whitespace after the size with no ";" (7.1: BWS only before an extension)
    [InlineData("25\t\r\n")]
    [InlineData("2;\r\n")]                    // an extension without a name (7.1.1: chunk-ext-name = token)
    [InlineData("2 ; \r\n")]
    [InlineData("2;a=\r\n")]                  // "=" without a value
    [InlineData("2;a=\"b\r\n")]               // an unbalanced quote
    [InlineData("2;a=\"b\\\"\r\n")]           // the closing quote escaped, so still unbalanced
    [InlineData("2;a=b\"c\"\r\n")]            // a quote inside a token
    [InlineData("2;a=\"b\"c\r\n")]            // text after the quoted string
    [InlineData("2;a=\"b\"\"\r\n")]
    [InlineData("2;a=b \r\n")]                // whitespace at the end of the line
    [InlineData("2;a b\r\n")]                 // two names without ";"
    [InlineData("2;;a\r\n")]
    [InlineData("2;a=\"\u0001\"\r\n")]        // a control character in the quoted string
    public void Read_InvalidChunkSizeLine_IsRefused(string sizeLine)
    {
        var e = Assert.Throws<HttpWireProtocolException>(() => Feed(Chunked + sizeLine + "ab\r\n0\r\n\r\n", close: false));
        Assert.Equal(SockitFailure.Protocol, e.Failure);
        Assert.StartsWith("malformed chunk-size line", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2;a\r\n")]
    [InlineData("2 ;a\r\n")]                  // BWS before ";"
    [InlineData("2\t; a = b\r\n")]            // BWS around ";" and "="
    [InlineData("2;a=\"\"\r\n")]              // an empty quoted string
    [InlineData("2;a=\"b;c=d\"\r\n")]         // ";" and "=" inside quotes
    [InlineData("2;a=\"b\\\"c\"\r\n")]        // an escaped quote inside quotes
    [InlineData("2;a=b;c;d=\"e f\"\r\n")]     // several extensions
    [InlineData("002\r\n")]                   // leading zeros
    public void Read_ValidChunkSizeLine_IsAccepted(string sizeLine)
    {
        var outcome = Feed(Chunked + sizeLine + "ab\r\n0\r\n\r\n", close: false);
        Assert.True(outcome.Reader.IsComplete);
        Assert.Equal("ab", outcome.BodyText);
    }

    [Fact]
    public void Read_ThirtyTwoInterimHeads_AreAcceptedAndKept()
    {
        var outcome = Feed(string.Concat(Enumerable.Repeat("HTTP/1.1 100 Continue\r\n\r\n", 32)) + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", close: false);
        Assert.Equal(32, outcome.Reader.InterimHeads.Count);
        Assert.Equal("ok", outcome.BodyText);
    }

    [Fact]
    public void Read_ThirtyThreeInterimHeads_AreRefused()
    {
        var e = Assert.Throws<HttpWireProtocolException>(() =>
            Feed(string.Concat(Enumerable.Repeat("HTTP/1.1 100 Continue\r\n\r\n", 33)) + "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", close: false));
        Assert.Equal(SockitFailure.Protocol, e.Failure);
        Assert.Equal(("MaxInterimHeads", 32L), (e.LimitName, e.LimitValue));
        Assert.Equal("the server sent more than 32 interim (1xx) responses without a final one (the limit; the response is malformed or hostile)", e.Message);
    }

    [Fact]
    public void Read_InterimHeadsOverTheByteLimit_AreRefused()
    {
        // Ten 103 heads of about 8 KiB each: under the count limit, over 64 KiB in all.
        var early = "HTTP/1.1 103 Early Hints\r\nLink: <" + new string('a', 8000) + ">\r\n\r\n";
        var e = Assert.Throws<HttpWireProtocolException>(() => Feed(string.Concat(Enumerable.Repeat(early, 10)), close: false));
        Assert.Equal(("MaxInterimBytes", 65536L), (e.LimitName, e.LimitValue));
    }

    [Theory]
    [InlineData("HTTP/1.1 100 Continue\r\n\r\n")]
    [InlineData("HTTP/1.1 102 Processing\r\nX-Pad: " + "0123456789abcdef0123456789abcdef0123456789abcdef" + "\r\n\r\n")]
    public async Task ReadResponse_EndlessInterimHeads_StopsAfterABoundedNumberOfBytes(string interim)
    {
        var options = new HttpWireClientOptions { ReceiveBufferSize = 4096 };
        var stream = new EndlessStream([], Bytes(interim));
        var e = await Assert.ThrowsAsync<HttpWireProtocolException>(() =>
            HttpWireClient.ReadResponseAsync(stream, "GET", Stream.Null, options: options, cancellationToken: Token));
        Assert.Equal(SockitFailure.Protocol, e.Failure);
        Assert.Equal("MaxInterimHeads", e.LimitName);
        // 33 heads and at most one receive beyond them: the memory kept cannot grow with what the server sends.
        Assert.InRange(stream.BytesServed, 33 * interim.Length, (33 * interim.Length) + options.ReceiveBufferSize);
    }

    [Theory]
    // Fuzzing found these (HttpResponseReaderFuzzTests): a continuation line of whitespace only left a trailing
    // space in the value, which HttpHeaderField promises never to hold. RFC 9112 section 5.2: replace each obs-fold
    // with SP; the value's surrounding whitespace is not part of it (RFC 9110 section 5.5).
    [InlineData("HTTP/1.1 200 OK\nX: a\n\t \nContent-Length: 0\n\n", "a")]
    [InlineData("HTTP/1.1 200 OK\r\nX: a\r\n \r\n b\r\nContent-Length: 0\r\n\r\n", "a b")]
    [InlineData("HTTP/1.1 200 OK\r\nX:\r\n \r\nContent-Length: 0\r\n\r\n", "")]
    public void Read_ObsFoldOfWhitespaceOnly_AddsNothing(string response, string value)
    {
        var outcome = Feed(response, close: false);
        Assert.Equal(value, outcome.Reader.Head!.GetValue("X"));
    }

    [Fact]
    public void Read_LineCrossingBothLimits_NamesTheSameLimitWhateverThePieces()
    {
        // A 35-byte line that crosses the line limit (24) and, at its 17th byte, the section limit (96).
        var limits = new HttpReaderLimits { MaxLineBytes = 24, MaxHeaderSectionBytes = 96 };
        var wire = Bytes("HTTP/1.1 200 OK\r\n" + string.Concat(Enumerable.Repeat("A: 1234567890123456\r\n", 3)) + "B: " + new string('x', 30) + "\r\n\r\n");
        var whole = Assert.Throws<HttpWireProtocolException>(() => Feed([wire], close: false, limits: limits));
        for (var cut = 0; cut <= wire.Length; cut++)
        {
            var split = Assert.Throws<HttpWireProtocolException>(() => Feed(SplitAt(wire, cut), close: false, limits: limits));
            Assert.Equal((whole.LimitName, whole.Message), (split.LimitName, split.Message));
        }
    }
}
