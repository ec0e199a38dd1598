using System.Text;
using Sockit.Servers;
using Sockit.Testing.Http;

namespace Sockit.Cli.Tests.Http;

/// <summary>
/// A sample of <see cref="ResponseCorpus"/> end to end: <c>sockit get</c> against a scripted loopback server that
/// plays the response in three pieces (and a few byte by byte), then closes. Each ends with the corpus's exit code,
/// its body on stdout or exactly one line on stderr, within the timeout (a hang would be exit 75).
/// </summary>
public sealed class GetCorpusTests
{
    // The cases RFC 9112 decided in issue 11, and every seventh of the rest.
    private static readonly string[] s_named =
    [
        "aiohttp: an extra CRLF after 100 Continue",
        "whitespace after a size, no extension (25 SP SP)",
        "an empty extension (2;)",
        "an unbalanced quote",
        "33 interim heads, one over the limit",
    ];

    public static TheoryData<int, string> Sample =>
    [
        .. ResponseCorpus.All
            .Select((c, i) => (i, c.Name))
            .Where(x => s_named.Contains(x.Name) || x.i % 7 == 0),
    ];

    public static TheoryData<int, string> DripSample =>
    [
        .. ResponseCorpus.All
            .Select((c, i) => (i, c.Name))
            .Where(x => s_named.Contains(x.Name) && ResponseCorpus.All[x.i].Wire.Length < 200),
    ];

    [Theory]
    [MemberData(nameof(Sample))]
    public async Task Get_CorpusCaseInThreePieces_ExitsAsExpected(int index, string name)
    {
        var corpusCase = ResponseCorpus.All[index];
        Assert.Equal(name, corpusCase.Name);
        var wire = ResponseCorpus.Bytes(corpusCase);
        await using var server = ScriptedHttpServer.Start(ScriptedHttpServer.Split(wire, wire.Length / 3, 2 * wire.Length / 3));
        await AssertEndsAsExpected(corpusCase, server);
    }

    [Theory]
    [MemberData(nameof(DripSample))]
    public async Task Get_CorpusCaseByteByByte_ExitsAsExpected(int index, string name)
    {
        var corpusCase = ResponseCorpus.All[index];
        Assert.Equal(name, corpusCase.Name);
        var wire = ResponseCorpus.Bytes(corpusCase);
        await using var server = ScriptedHttpServer.Start(ScriptedHttpServer.Split(wire, [.. Enumerable.Range(1, wire.Length - 1)]), TimeSpan.FromMilliseconds(1));
        await AssertEndsAsExpected(corpusCase, server);
    }

    private static async Task AssertEndsAsExpected(CorpusCase corpusCase, ScriptedHttpServer server)
    {
        string[] head = corpusCase.Method == "HEAD" ? ["-I"] : [];
        var result = await Cli.RunAsync(["get", "--timeout", "20s", .. head, server.Url().ToString()], stdin: null, TestContext.Current.CancellationToken);
        Assert.Equal(corpusCase.ExitCode, result.ExitCode);
        if (corpusCase.Outcome == CorpusOutcome.Complete)
        {
            Assert.Equal("", result.Stderr);
            if (corpusCase.Method == "GET")
            {
                Assert.Equal(corpusCase.Body, Encoding.Latin1.GetString(result.StdoutBytes));
            }
        }
        else
        {
            Assert.Matches(@"^sockit: [^\n]+\n$", result.Stderr);
        }
    }
}
