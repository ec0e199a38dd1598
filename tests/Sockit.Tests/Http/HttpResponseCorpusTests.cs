using Sockit.Http;
using Sockit.Testing.Http;
using static Sockit.Tests.Http.ReaderHarness;

namespace Sockit.Tests.Http;

/// <summary>
/// Every response of <see cref="ResponseCorpus"/> read by <see cref="HttpResponseReader"/>: whole, one byte at a time,
/// and cut at every offset, each ending as the corpus says.
/// </summary>
public sealed class HttpResponseCorpusTests
{
    public static TheoryData<int, string> Cases => [.. ResponseCorpus.All.Select((c, i) => (i, c.Name))];

    [Fact]
    public void Corpus_HoldsAtLeast200Cases() => Assert.InRange(ResponseCorpus.All.Count, 200, int.MaxValue);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_CorpusCase_EndsAsExpectedWholeAndByteByByte(int index, string name)
    {
        var corpusCase = ResponseCorpus.All[index];
        Assert.Equal(name, corpusCase.Name);
        var wire = ResponseCorpus.Bytes(corpusCase);
        var whole = Read([wire], corpusCase.Method);
        Assert.Equal(Expected(corpusCase), whole);
        // Drip-feed: one byte a receive gives the same outcome.
        Assert.Equal(whole, Read(wire.Select(b => new[] { b }), corpusCase.Method));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Read_CorpusCaseCutAtEveryOffset_IsCutShortOrAPrefixOfTheWhole(int index, string name)
    {
        var corpusCase = ResponseCorpus.All[index];
        Assert.Equal(name, corpusCase.Name);
        var wire = ResponseCorpus.Bytes(corpusCase);
        // The big cases are cut every 97 bytes: every offset of 70 KiB read whole is minutes for one case.
        var step = wire.Length > 4096 ? 97 : 1;
        for (var length = 0; length < wire.Length; length += step)
        {
            var outcome = Read([wire[..length]], corpusCase.Method);
            switch (corpusCase.Outcome)
            {
                case CorpusOutcome.Complete:
                    // Cut short, or already complete: then the same status and a prefix of the body (the whole body
                    // unless it runs until the server closes).
                    if (outcome.Kind != CorpusOutcome.Truncated)
                    {
                        Assert.Equal(CorpusOutcome.Complete, outcome.Kind);
                        Assert.Equal(corpusCase.Status, outcome.Status);
                        Assert.StartsWith(outcome.Body, corpusCase.Body, StringComparison.Ordinal);
                        Assert.True(outcome.Framing == HttpBodyFraming.UntilClose || outcome.Body == corpusCase.Body, $"{corpusCase.Name}: cut at {length}");
                    }
                    break;
                case CorpusOutcome.Truncated:
                    Assert.Equal(CorpusOutcome.Truncated, outcome.Kind);
                    break;
                default:
                    // A malformed response cut short is cut short, refused, or (until close) a response: never anything else.
                    Assert.True(Enum.IsDefined(outcome.Kind));
                    break;
            }
        }
    }

    private static Outcome Expected(CorpusCase c) => c.Outcome == CorpusOutcome.Complete
        ? new Outcome(CorpusOutcome.Complete, c.Status, c.Body, Framing: null)
        : new Outcome(c.Outcome, 0, "", null);

    private static Outcome Read(IEnumerable<byte[]> pieces, string method)
    {
        try
        {
            var outcome = Feed(pieces, method);
            return new Outcome(CorpusOutcome.Complete, outcome.Reader.Head!.StatusCode, outcome.BodyText, outcome.Reader.Framing);
        }
        catch (HttpWireProtocolException e)
        {
            Assert.Contains(e.Failure, new[] { SockitFailure.Protocol, SockitFailure.Truncated });
            return new Outcome(e.Failure == SockitFailure.Protocol ? CorpusOutcome.Protocol : CorpusOutcome.Truncated, 0, "", null);
        }
    }

    // Framing is only compared by the prefix check; equality of outcomes ignores it.
    private sealed record Outcome(CorpusOutcome Kind, int Status, string Body, HttpBodyFraming? Framing)
    {
        public bool Equals(Outcome? other) => other is not null && (Kind, Status, Body) == (other.Kind, other.Status, other.Body);

        public override int GetHashCode() => HashCode.Combine(Kind, Status, Body);
    }
}
