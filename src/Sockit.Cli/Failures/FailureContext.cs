using System.CommandLine;
using System.CommandLine.Parsing;
using System.Net.Sockets;

namespace Sockit.Cli.Failures;

/// <summary>
/// What the command line asked for, as far as advice on a failure depends on it: the command, whether <c>-4</c> or
/// <c>-6</c> forced a family, and the output format the failure is rendered in. The facts of the failure itself
/// (host, port, path, phase, failure kind) come from the library's exception, not from here.
/// </summary>
internal sealed record FailureContext(string Command, AddressFamily ForcedFamily = AddressFamily.Unspecified, OutputFormat Format = OutputFormat.Text)
{
    /// <summary>The context of a parsed command line (also of one that failed to parse: whatever did parse counts).</summary>
    public static FailureContext From(ParseResult parseResult)
    {
        var command = parseResult.CommandResult;
        var family = Given(command, "-4") ? AddressFamily.InterNetwork
            : Given(command, "-6") ? AddressFamily.InterNetworkV6
            : AddressFamily.Unspecified;
        return new FailureContext(command.Command.Name, family, FormatOf(parseResult));
    }

    // The format only when --format parsed cleanly: a failure to parse it (--format xml) is reported as text.
    private static OutputFormat FormatOf(ParseResult parseResult) =>
        parseResult.GetResult(GlobalOptions.Format) is { } result && !result.Errors.Any()
            ? parseResult.GetValue(GlobalOptions.Format)
            : OutputFormat.Text;

    private static bool Given(CommandResult command, string name) =>
        command.Children.OfType<OptionResult>().Any(o => !o.Implicit && o.Option.Name == name && !o.Errors.Any() && o.GetValueOrDefault<bool>());
}
