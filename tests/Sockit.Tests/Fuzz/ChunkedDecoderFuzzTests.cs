using CsCheck;
using Sockit.Http;
using static Sockit.Tests.Fuzz.Mutator;

namespace Sockit.Tests.Fuzz;

/// <summary>
/// Fuzz target: <see cref="ChunkedDecoder"/> on mutated chunked bodies fed in random pieces, against
/// <see cref="ChunkedReference"/>, written from the grammar: both accept, refuse or want more on the same input, with
/// the same body and trailers. Small limits, so the limits are fuzzed too.
/// </summary>
public sealed class ChunkedDecoderFuzzTests
{
    private const int MaxLine = 40;
    private const int MaxSection = 120;

    private static readonly byte[][] s_seeds =
    [
        .. new[]
        {
            "4;a=b\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\nExpires: never\r\n\r\n",
            "1\r\na\r\n0\r\n\r\n",
            "0\r\n\r\n",
            "3\nabc\n0\n\n",
            "2 ; x = \"q\\\"r\" ;y\r\nab\r\n000\r\nT: 1\r\nU:\t2 \r\n\r\n",
            "A\r\n0123456789\r\n0;z\r\n\r\n",
            "7fffffffffffffff\r\nxy",
        }.Select(Bytes),
    ];

    private static readonly byte[][] s_tokens =
    [
        .. new[]
        {
            "\r\n", "\n", "\r", " ", "\t", ";", "=", "\"", "\\", ":", "0", "a", "F", "\x00", "\x7f", "\xff",
            "0\r\n\r\n", ";n=v", ";n=\"v\"", "ffffffffffffffff", "10000000000000000", "X-T: v\r\n",
        }.Select(Bytes),
    ];

    private static readonly Gen<(byte[] Wire, int[] Cuts)> s_inputs = Gen.Select(Mutants(s_seeds, s_tokens), Cuts);

    [Fact]
    public void Fuzz_ChunkedDecoder() =>
        FuzzBudget.Run(nameof(ChunkedDecoder), s_inputs, input =>
        {
            var expected = ChunkedReference.Decode(input.Wire, MaxLine, MaxSection);
            Assert.Equal(expected, Decode(Split(input.Wire, input.Cuts)));
        }, input => $"\"{Show(input.Wire)}\" cut at [{string.Join(',', input.Cuts)}]");

    private static ChunkedReference.Result Decode(List<byte[]> pieces)
    {
        var decoder = new ChunkedDecoder(new HttpReaderLimits { MaxLineBytes = MaxLine, MaxHeaderSectionBytes = MaxSection });
        var body = new List<byte>();
        var fed = 0;
        try
        {
            foreach (var piece in pieces)
            {
                var input = piece.AsSpan();
                for (var calls = 0; ; calls++)
                {
                    Assert.InRange(calls, 0, piece.Length + 1);
                    var status = decoder.Decode(input, out var consumed, out var data);
                    Assert.InRange(consumed, 0, input.Length);
                    fed += consumed;
                    input = input[consumed..];
                    body.AddRange(data);
                    if (status == HttpReadStatus.Complete)
                    {
                        Assert.True(decoder.IsComplete);
                        Assert.Equal(body.Count, decoder.BytesDecoded);
                        return new(ChunkedReference.Kind.Complete, Latin1(body), string.Join(';', decoder.Trailers), fed);
                    }
                    if (status == HttpReadStatus.NeedMoreData)
                    {
                        Assert.True(input.IsEmpty);
                        break;
                    }
                    Assert.Equal(HttpReadStatus.Body, status);
                }
            }
            return new(ChunkedReference.Kind.Incomplete, Latin1(body), "", 0);
        }
        catch (HttpWireProtocolException e)
        {
            Assert.Equal(SockitFailure.Protocol, e.Failure);
            return new(ChunkedReference.Kind.Refused, Latin1(body), "", 0);
        }
    }

    private static string Latin1(List<byte> bytes) => System.Text.Encoding.Latin1.GetString([.. bytes]);
}
