using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Sockit.Cli.Failures;

/// <summary>
/// A command line that did not parse, in one line: what was wrong and where to look. The parser's own words blame
/// the wrong token when an option is unknown (<c>get -L URL</c> is read as the URL <c>-L</c> and an extra argument),
/// so an unknown option is named first.
/// </summary>
internal static class UsageErrors
{
    public static string Describe(Command root, ParseResult parseResult)
    {
        var command = parseResult.CommandResult.Command;
        if (command == root)
        {
            return RootUsageError(root, parseResult);
        }
        if (UnknownOption(parseResult) is { } option)
        {
            return $"unknown option '{option}' for '{command.Name}' (try 'sockit {command.Name} --help')";
        }
        var errors = string.Join("; ", parseResult.Errors.Select(e => e.Message.ReplaceLineEndings(" ")).Distinct());
        return $"{errors} (try 'sockit {command.Name} --help')";
    }

    // At the top level the parser's own words ("Required command was not provided") say little: name the commands.
    private static string RootUsageError(Command root, ParseResult parseResult)
    {
        var commands = string.Join(", ", root.Subcommands.Select(c => c.Name));
        if (parseResult.UnmatchedTokens.FirstOrDefault() is { } unknown)
        {
            return $"unknown command or option '{unknown}': the commands are {commands} (try 'sockit --help')";
        }
        // An option's own error (--format xml) says more than the missing command does.
        if (parseResult.Errors.FirstOrDefault(e => e.SymbolResult is OptionResult) is { } optionError)
        {
            return $"{optionError.Message} (try 'sockit --help')";
        }
        return $"give a command: {commands} (try 'sockit tour' to start, or 'sockit --help')";
    }

    /// <summary>
    /// The first token, in command-line order, that looks like an option but was taken as one of the command's
    /// arguments or left unmatched: no option of the command has that name. Tokens after <c>--</c> are arguments by
    /// the user's own word, and negative numbers are numbers.
    /// </summary>
    private static string? UnknownOption(ParseResult parseResult)
    {
        var suspects = new HashSet<string>(parseResult.UnmatchedTokens, StringComparer.Ordinal);
        foreach (var argument in parseResult.CommandResult.Children.OfType<ArgumentResult>())
        {
            suspects.UnionWith(argument.Tokens.Select(t => t.Value));
        }
        foreach (var token in parseResult.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                break;
            }
            if (token.Type == TokenType.Argument && LooksLikeOption(token.Value) && suspects.Contains(token.Value))
            {
                return token.Value;
            }
        }
        return null;
    }

    private static bool LooksLikeOption(string text) =>
        text.Length > 1 && text[0] == '-' && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
}
