using System.CommandLine;
using System.CommandLine.Completions;
using System.Text.RegularExpressions;

namespace Sockit.Cli.Completion;

/// <summary>
/// Reads the System.CommandLine tree that <c>--help</c> prints into <see cref="CommandNode"/>s, so the shell
/// completions and the man page are generated from the same definitions and cannot drift from them.
/// </summary>
internal static partial class CommandTree
{
    // A word of a value name that a user could type as it is (inet6, tcp, AF_); not a placeholder made of capitals
    // only (S, N, FILE, ADDR) nor a pattern (ADDR[:PORT], 'Name: value').
    [GeneratedRegex("^(?![A-Z]+$)[A-Za-z0-9_.-]+$")]
    private static partial Regex LiteralWord();

    public static CommandNode Read(Command root) => Read(root, [root.Name], inherited: []);

    private static CommandNode Read(Command command, IReadOnlyList<string> path, IReadOnlyList<OptionNode> inherited)
    {
        var own = command.Options.Where(o => !o.Hidden).ToList();
        // Recursive options (--help, --format) are accepted by every command below the one that declares them.
        var passedDown = inherited.Concat(own.Where(o => o.Recursive).Select(ToNode)).ToList();
        var options = inherited.Concat(own.Select(ToNode)).DistinctBy(o => o.Names[0]).ToList();
        var subcommands = command.Subcommands.Where(c => !c.Hidden).Select(c => Read(c, [.. path, c.Name], passedDown)).ToList();
        var arguments = command.Arguments.Where(a => !a.Hidden)
            .Select(a => new ArgumentNode(
                a.HelpName ?? a.Name, a.Description ?? "", a.Arity.MinimumNumberOfValues == 0,
                [.. a.GetCompletions(CompletionContext.Empty).Select(c => c.Label)]))
            .ToList();
        return new CommandNode(path, command.Description ?? "", subcommands, options, arguments);
    }

    private static OptionNode ToNode(Option option)
    {
        // Names a shell user types: the long name first, then the short ones; not the DOS forms (/h, /?) or -?.
        var names = option.Aliases.Prepend(option.Name)
            .Where(n => n.StartsWith('-') && n != "-?")
            .Distinct()
            .OrderBy(n => n.StartsWith("--", StringComparison.Ordinal) ? 0 : 1)
            .ToList();
        var takesValue = option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool);
        if (!takesValue)
        {
            return new OptionNode(names, option.Description ?? "", null, [], CompletesFiles: false);
        }
        var valueName = option.HelpName ?? option.Name.TrimStart('-').ToUpperInvariant();
        return new OptionNode(names, option.Description ?? "", valueName, Values(option, valueName), valueName is "FILE" or "PATH");
    }

    // The words the value name lists, in its order (text|json|python; tcp|udp|N gives tcp and udp), or else the
    // option's own completions (an enum's names, AcceptOnlyFromAmong).
    private static List<string> Values(Option option, string valueName)
    {
        var words = valueName.Split('|').Where(word => LiteralWord().IsMatch(word)).ToList();
        return words.Count > 0 ? words : [.. option.GetCompletions(CompletionContext.Empty).Select(c => c.Label.ToLowerInvariant())];
    }
}
