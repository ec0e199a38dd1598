namespace Sockit.Testing.Http;

/// <summary>One response of <see cref="ResponseCorpus"/>: what it tries, its wire text, and how it must end.</summary>
/// <param name="Name">What the case tries, in words.</param>
/// <param name="Wire">The response as sent, one char a byte (Latin-1).</param>
/// <param name="Outcome">How reading it must end.</param>
/// <param name="Status">The final status code, when <see cref="CorpusOutcome.Complete"/>.</param>
/// <param name="Body">The body, when <see cref="CorpusOutcome.Complete"/>.</param>
/// <param name="Method">The request method: GET, or HEAD for a response without a body.</param>
public sealed record CorpusCase(string Name, string Wire, CorpusOutcome Outcome, int Status, string Body, string Method)
{
    /// <summary>The exit code of <c>sockit get</c> for this case.</summary>
    public int ExitCode => Outcome switch
    {
        CorpusOutcome.Complete => 0,
        CorpusOutcome.Protocol => 76,
        _ => 74,
    };

    public override string ToString() => Name;
}
