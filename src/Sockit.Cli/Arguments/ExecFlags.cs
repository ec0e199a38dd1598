using System.CommandLine;
using Sockit.Exec;

namespace Sockit.Cli.Arguments;

/// <summary>
/// <c>--exec CMD [ARGS...]</c> and <c>--sh-exec LINE</c> of <c>connect</c> and <c>listen</c>: run a program with the
/// connection as its stdin and stdout. <c>--exec</c> takes the rest of the command line, every word exactly as given
/// and never through a shell (<c>sockit listen 8000 --exec tr -d '\r'</c>): <see cref="TakeRest"/> marks each word after
/// it as one of its values before System.CommandLine parses, so a word such as <c>-d</c> or <c>-k</c> is the program's,
/// not sockit's. <c>--sh-exec</c> is one line for <c>/bin/sh -c</c>.
/// </summary>
internal sealed class ExecFlags
{
    private const string ExecName = "--exec";

    // System.CommandLine drops an empty value ("--exec="); an argv entry never holds a NUL, so NUL stands for "".
    private const string EmptyWord = "\0";

    public Option<string[]> Exec { get; } = new(ExecName)
    {
        Description = "Run CMD with ARGS, no shell (ncat's -e): its stdin and stdout are the connection, its stderr is sockit's; "
            + "every word after --exec is CMD's, so put --exec last. The peer's end-of-file closes CMD's stdin; CMD's end of output "
            + "ends the connection after its last byte. listen -k: one CMD a client. Not found: exit 127; not runnable: 126",
        HelpName = "CMD ARGS...",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string?> ShExec { get; } = new("--sh-exec")
    {
        Description = "Run LINE with /bin/sh -c (ncat's -c), for pipes and redirections: --sh-exec 'tr a-z A-Z | rev'",
        HelpName = "LINE",
    };

    /// <summary>Both flags, to add to a command.</summary>
    public IEnumerable<Option> All => [Exec, ShExec];

    /// <summary>True when either flag is on the command line.</summary>
    public bool Given(ParseResult parseResult) => All.Any(o => parseResult.GetResult(o) is { Implicit: false });

    /// <summary>
    /// The program to run, or null when neither flag is given. The program is looked for now, so a name that cannot
    /// run fails at once (exit 127 not found, 126 not runnable, as a shell's), before any socket is opened.
    /// </summary>
    public ExecCommand? Command(ParseResult parseResult)
    {
        var words = parseResult.GetValue(Exec)?.Select(word => word == EmptyWord ? "" : word).ToArray();
        var line = parseResult.GetValue(ShExec);
        if (words is { Length: > 0 } && line is not null)
        {
            throw CliException.Usage("give --exec CMD ARGS or --sh-exec LINE, not both");
        }
        if (line is not null)
        {
            if (line.Trim().Length == 0)
            {
                throw CliException.Usage("--sh-exec is empty: give a command line (--sh-exec 'tr a-z A-Z')");
            }
            return ExecCommand.Shell(line);
        }
        if (words is not { Length: > 0 })
        {
            return null;
        }
        if (words[0].Length == 0)
        {
            throw CliException.Usage("--exec needs a program: --exec CMD ARGS (sockit listen 8000 --exec /bin/cat)");
        }
        var command = new ExecCommand(words[0], words[1..]);
        command.Locate();
        return command;
    }

    /// <summary>
    /// For <c>connect</c> and <c>listen</c>: every word after the first <c>--exec</c> becomes <c>--exec=WORD</c>, which
    /// System.CommandLine takes as a value of <c>--exec</c> whatever it looks like. Other command lines are returned as they are.
    /// </summary>
    public static string[] TakeRest(string[] args)
    {
        // The command is the first word that is not an option or --format's value (sockit --format json listen ...).
        var start = 0;
        while (start < args.Length && (args[start].StartsWith('-') || (start > 0 && args[start - 1] == GlobalOptions.Format.Name)))
        {
            start++;
        }
        if (start == args.Length || args[start] is not ("connect" or "listen"))
        {
            return args;
        }
        for (var i = start + 1; i < args.Length - 1; i++)
        {
            if (args[i] == "--")
            {
                return args;
            }
            if (args[i] == ExecName)
            {
                return [.. args[..i], .. args[(i + 1)..].Select(word => $"{ExecName}={(word.Length == 0 ? EmptyWord : word)}")];
            }
        }
        return args;
    }
}
