using Sockit.Http;
using static Sockit.Tests.Http.ReaderHarness;

namespace Sockit.Tests.Http;

/// <summary>Every edge case of RFC 9112 6.3, cut at every offset and fed byte by byte, reads the same as in one piece.</summary>
public sealed class HttpResponseReaderSegmentationTests
{
    public static TheoryData<string, string, string> EdgeCases => new()
    {
        { "content-length", "GET", "HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\nhello world" },
        { "chunked+ext+trailers", "GET", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;a=b\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nExpires: never\r\nX-Sum: 1\r\n\r\n" },
        { "interim", "GET", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\nX: y\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc" },
        { "head", "HEAD", "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n" },
        { "204", "GET", "HTTP/1.1 204 No Content\r\n\r\n" },
        { "304", "GET", "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n" },
        { "until-close", "GET", "HTTP/1.0 200 OK\r\n\r\nuntil the server closes\r\n\r\n" },
        { "bare-lf", "GET", "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n3\nabc\n0\n\n" },
        { "obs-fold", "GET", "HTTP/1.1 200 OK\r\nX: a\r\n\tb\r\nContent-Length: 1\r\n\r\nz" },
        { "empty-chunked", "GET", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n" },
        { "zero-length", "GET", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n" },
    };

    [Theory]
    [MemberData(nameof(EdgeCases))]
    public void Read_EverySplitAndBytewise_SameAsWhole(string name, string method, string response)
    {
        var wire = Bytes(response);
        var whole = Feed([wire], method);
        Assert.True(whole.Reader.IsComplete, name);
        for (var cut = 0; cut <= wire.Length; cut++)
        {
            for (var second = cut; second <= wire.Length; second += 7)
            {
                Assert.Equal(Describe(whole), Describe(Feed(SplitAt(wire, cut, second), method)));
            }
        }
        Assert.Equal(Describe(whole), Describe(FeedBytewise(wire, method)));
    }

    [Fact]
    public void Read_TruncatedAtEveryOffset_ThrowsTruncatedOrCompletesUntilClose()
    {
        var wire = Bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\nT: 1\r\n\r\n");
        for (var length = 0; length < wire.Length; length++)
        {
            var e = Assert.Throws<HttpWireProtocolException>(() => Feed(SplitAt(wire[..length], length / 2)));
            Assert.Equal(SockitFailure.Truncated, e.Failure);
        }
    }

    private static string Describe(ReadOutcome outcome) =>
        $"{outcome.Reader.Head} | {string.Join(';', outcome.Reader.Head!.Headers)} | {outcome.InterimCount} | {outcome.Reader.Framing} | {outcome.BodyText} | {string.Join(';', outcome.Reader.Trailers)} | {outcome.Leftover}";
}
