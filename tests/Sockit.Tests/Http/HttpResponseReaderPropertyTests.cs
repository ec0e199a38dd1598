using System.Globalization;
using System.Text;
using CsCheck;
using Sockit.Http;
using static Sockit.Tests.Http.ReaderHarness;

namespace Sockit.Tests.Http;

/// <summary>Any response, split into any pieces, reads to the same head, body and trailers as in one piece.</summary>
public sealed class HttpResponseReaderPropertyTests
{
    private const string ValueChars = " !#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";

    internal sealed record Case(int Status, List<HttpHeaderField> Fields, byte[] Body, int Framing, int[] ChunkSizes, List<HttpHeaderField> Trailers, int Interim, bool Extensions)
    {
        public byte[] Wire()
        {
            var sb = new StringBuilder();
            for (var i = 0; i < Interim; i++)
            {
                sb.Append("HTTP/1.1 100 Continue\r\n\r\n");
            }
            sb.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {Status} Reason\r\n");
            foreach (var field in Fields)
            {
                sb.Append(field.Name).Append(": ").Append(field.Value).Append("\r\n");
            }
            sb.Append(Framing switch
            {
                0 => $"Content-Length: {Body.Length}\r\n",
                1 => "Transfer-Encoding: chunked\r\n",
                _ => "",
            }).Append("\r\n");
            var wire = new List<byte>(Encoding.Latin1.GetBytes(sb.ToString()));
            if (Framing != 1)
            {
                wire.AddRange(Body);
                return [.. wire];
            }
            var offset = 0;
            var index = 0;
            while (offset < Body.Length)
            {
                var size = Math.Min(ChunkSizes[index++ % ChunkSizes.Length], Body.Length - offset);
                wire.AddRange(Encoding.ASCII.GetBytes(size.ToString("x", CultureInfo.InvariantCulture) + (Extensions ? ";ext=1" : "") + "\r\n"));
                wire.AddRange(Body.AsSpan(offset, size));
                wire.AddRange("\r\n"u8);
                offset += size;
            }
            wire.AddRange("0\r\n"u8);
            foreach (var trailer in Trailers)
            {
                wire.AddRange(Encoding.Latin1.GetBytes($"{trailer.Name}: {trailer.Value}\r\n"));
            }
            wire.AddRange("\r\n"u8);
            return [.. wire];
        }
    }

    private static readonly Gen<HttpHeaderField> s_field =
        from name in Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-"].Array[1, 12]
        from value in Gen.Char[ValueChars].Array[0, 40]
        select new HttpHeaderField("X-" + new string(name), new string(value).Trim());

    private static readonly Gen<Case> s_case =
        from status in Gen.Int[0, 4].Select(i => new[] { 200, 201, 404, 500, 503 }[i])
        from fields in s_field.List[0, 6]
        from body in Gen.Byte.Array[0, 4000]
        from framing in Gen.Int[0, 2]
        from chunkSizes in Gen.Int[1, 700].Array[1, 5]
        from trailers in s_field.List[0, 3]
        from interim in Gen.Int[0, 2]
        from extensions in Gen.Bool
        select new Case(status, fields, body, framing, chunkSizes, trailers, interim, extensions);

    [Fact]
    public void Read_AnyResponseSplitAnywhere_ReadsTheSameHeadBodyAndTrailers()
    {
        s_case
            .SelectMany(c => Gen.Int[0, 1 << 20].Array[0, 25].Select(cuts => (c, cuts)))
            .Sample(tuple =>
            {
                var (c, rawCuts) = tuple;
                var wire = c.Wire();
                var cuts = rawCuts.Select(x => x % (wire.Length + 1)).Distinct().Order().ToArray();
                var whole = Feed([wire]);
                var pieces = Feed(SplitAt(wire, cuts));

                Assert.True(pieces.Reader.IsComplete);
                Assert.Equal(c.Body, pieces.Body);
                Assert.Equal(whole.Body, pieces.Body);
                Assert.Equal(c.Status, pieces.Reader.Head!.StatusCode);
                Assert.Equal(c.Fields, pieces.Reader.Head.Headers.Take(c.Fields.Count));
                Assert.Equal(c.Interim, pieces.InterimCount);
                Assert.Equal(c.Framing == 1 ? c.Trailers : [], pieces.Reader.Trailers);
                Assert.Equal(0, pieces.Leftover);
            }, iter: 400);
    }
}
