using CsCheck;
using Sockit.Http;
using static Sockit.Tests.Fuzz.Mutator;

namespace Sockit.Tests.Fuzz;

/// <summary>
/// Fuzz target: <see cref="HttpResponseReader"/> on mutated responses. Whatever the bytes, the reader ends in a result
/// or an <see cref="HttpWireProtocolException"/> (nothing else, no hang), the same whether the bytes come in one piece
/// or in any pieces, and a result it gives is consistent with its framing and within its limits.
/// </summary>
public sealed class HttpResponseReaderFuzzTests
{
    private static readonly byte[][] s_seeds =
    [
        .. new[]
        {
            "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4;a=b\r\nWiki\r\n5\r\npedia\r\n0\r\nExpires: never\r\n\r\n",
            "HTTP/1.1 100 Continue\r\n\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nnot",
            "HTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
            "HTTP/1.0 200 OK\r\nServer: x\r\n\r\nuntil close",
            "HTTP/1.1 204 No Content\r\nContent-Length: 9\r\n\r\n",
            "HTTP/1.1 304 Not Modified\r\n\r\n",
            "HTTP/1.1 200 OK\nX: a\n\tb\nContent-Length: 1\n\nz",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n1;x=\"q\\\"\"\r\na\r\n0\r\n\r\n",
            "HTTP/1.1 200 OK\r\nContent-Length: 3, 3\r\n\r\nabc",
            "HTTP/1.1 500\r\nTransfer-Encoding: identity\r\n\r\nraw",
        }.Select(Bytes),
    ];

    private static readonly byte[][] s_tokens =
    [
        .. new[]
        {
            "\r\n", "\n", "\r", " ", "\t", ":", ";", "=", "\"", "\\", ",", "0", "1", "f", "\x00", "\x7f", "\xff",
            "HTTP/1.1 ", "HTTP/1.0 200 OK\r\n", "HTTP/1.1 100 Continue\r\n\r\n", "HTTP/1.1 101 Switching\r\n\r\n",
            "Content-Length: ", "Transfer-Encoding: chunked\r\n", "Content-Length: 2\r\n", "ffffffffffffffff", "7fffffffffffffff",
            "\r\n\r\n", "0\r\n\r\n", ";a=\"b\"", "99999999999999999999",
        }.Select(Bytes),
    ];

    // Small limits half the time, so that crossing them is fuzzed too.
    private static readonly HttpReaderLimits s_small = new() { MaxLineBytes = 24, MaxHeaderSectionBytes = 96, MaxInterimHeads = 1, MaxInterimBytes = 60 };

    private static readonly Gen<(byte[] Wire, int[] Cuts, bool Head, bool Small)> s_inputs =
        Gen.Select(Mutants(s_seeds, s_tokens), Cuts, Gen.Int[0, 9].Select(i => i == 0), Gen.Bool);

    [Fact]
    public void Fuzz_HttpResponseReader() =>
        FuzzBudget.Run(nameof(HttpResponseReader), s_inputs, input =>
        {
            var method = input.Head ? "HEAD" : "GET";
            var limits = input.Small ? s_small : HttpReaderLimits.Default;
            var whole = Outcome.Of([input.Wire], method, limits);
            var pieces = Outcome.Of(Split(input.Wire, input.Cuts), method, limits);
            Assert.Equal(whole, pieces);
        }, input => $"{(input.Head ? "HEAD" : "GET")}{(input.Small ? " small limits" : "")} \"{Show(input.Wire)}\" cut at [{string.Join(',', input.Cuts)}]");

    /// <summary>What reading one response came to: a result, or the failure it was refused with.</summary>
    internal sealed record Outcome(string Summary)
    {
        public static Outcome Of(IReadOnlyList<byte[]> pieces, string method, HttpReaderLimits limits)
        {
            var reader = new HttpResponseReader(method, limits);
            var body = new MemoryStream();
            var leftover = 0;
            try
            {
                foreach (var piece in pieces)
                {
                    if (reader.IsComplete)
                    {
                        leftover += piece.Length;
                        continue;
                    }
                    leftover += Drain(reader, piece, body);
                }
                if (!reader.IsComplete)
                {
                    reader.EndOfStream();
                }
            }
            catch (HttpWireProtocolException e)
            {
                return new Outcome($"refused {e.Failure} {e.LimitName}: {e.Message}");
            }
            var head = reader.Head!;
            // A result is consistent with its framing and within the limits.
            Assert.InRange(reader.InterimHeads.Count, 0, limits.MaxInterimHeads);
            Assert.All(head.Headers.Append(new HttpHeaderField("X", "")), f => Assert.Equal(f.Value.Trim(' ', '\t'), f.Value));
            Assert.Equal(reader.BodyBytesRead, body.Length);
            if (reader.Framing == HttpBodyFraming.ContentLength)
            {
                Assert.Equal(reader.ContentLength, body.Length);
            }
            if (reader.Framing == HttpBodyFraming.None)
            {
                Assert.Equal(0, body.Length);
            }
            Assert.InRange(head.StatusCode, 200, 599);
            return new Outcome(
                $"{head} | {string.Join(';', head.Headers)} | {string.Join(';', reader.InterimHeads)} | {reader.Framing} | "
                + $"{Convert.ToHexString(body.ToArray())} | {string.Join(';', reader.Trailers)} | {leftover}");
        }

        // Feeds one piece; returns the bytes left over after the end of the response.
        private static int Drain(HttpResponseReader reader, byte[] piece, MemoryStream body)
        {
            var input = piece.AsSpan();
            // Every call consumes a byte or reports something; more calls than that is a reader that spins.
            for (var calls = 0; calls <= (2 * piece.Length) + 2; calls++)
            {
                var status = reader.Read(input, out var consumed, out var data);
                Assert.InRange(consumed, 0, input.Length);
                input = input[consumed..];
                switch (status)
                {
                    case HttpReadStatus.Body:
                        Assert.False(data.IsEmpty);
                        body.Write(data);
                        break;
                    case HttpReadStatus.NeedMoreData:
                        Assert.True(input.IsEmpty);
                        return 0;
                    case HttpReadStatus.Complete:
                        return input.Length;
                }
            }
            Assert.Fail("the reader kept returning without consuming its input");
            return 0;
        }
    }
}
