using System.CommandLine;

namespace Sockit.Cli.Arguments;

/// <summary>
/// <c>-v, --verbose</c> as netcat users type it: repeatable, <c>-v</c> for the connection lines (what was resolved,
/// each attempt and its outcome), <c>-vv</c> (or <c>-v -v</c>) for byte counts too. One definition for every command
/// that takes it; the level is how many times it was given.
/// </summary>
internal sealed class Verbosity
{
    /// <summary>The option to add to a command.</summary>
    public Option<bool> Option { get; } = new("--verbose", "-v")
    {
        // No value: each -v is one more level, and -vv is two (System.CommandLine splits a bundle of one-letter options).
        Arity = ArgumentArity.Zero,
        Description = "Say what happens on stderr: what the name resolved to, each connect attempt and its outcome; -vv adds the byte counts at the end (ncat's -v)",
    };

    /// <summary>0 without the option, 1 for <c>-v</c>, 2 for <c>-vv</c> or <c>-v -v</c>, and so on.</summary>
    public int Level(ParseResult parseResult) => parseResult.GetResult(Option)?.IdentifierTokenCount ?? 0;
}
