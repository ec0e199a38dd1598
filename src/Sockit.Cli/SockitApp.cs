using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Sockit.Cli.Commands;
using Sockit.Cli.Failures;

namespace Sockit.Cli;

/// <summary>The <c>sockit</c> command tree and its entry point, separate from Program so tests run it in-process.</summary>
internal static class SockitApp
{
    // No response files: "@alice hello" and "@file" are text to send, never a file to read and splice in as more
    // arguments, as a netcat or curl user expects.
    private static readonly ParserConfiguration s_parserConfiguration = new() { ResponseFileTokenReplacer = null };

    // Every command, by name, in the order --help lists them. A factory each, so that a run builds only the command it
    // runs: building the whole tree (some two hundred options with their descriptions, and the code behind each) was
    // most of `sockit service ssh`'s start-up.
    private static readonly (string Name, Func<CliConsole, Command> Create)[] s_commands =
    [
        ("service", ServiceCommand.Create),
        ("host", HostCommand.Create),
        ("resolve", ResolveCommand.Create),
        ("socket", SocketCommand.Create),
        ("constants", ConstantsCommand.Create),
        ("connect", ConnectCommand.Create),
        ("listen", ListenCommand.Create),
        ("nc", console => NcCommand.Create(console, RunAsync)),
        ("forward", ForwardCommand.Create),
        ("get", GetCommand.Create),
        ("tls", TlsCommand.Create),
        ("bench", BenchCommand.Create),
        ("tour", Tour.TourCommand.Create),
        ("completion", Completion.CompletionCommand.Create),
    ];

    /// <summary>The whole tree: every command.</summary>
    public static Command Build(CliConsole console) => Build(console, only: null);

    /// <summary>
    /// The tree with only the command <paramref name="only"/> names (null: every command). The completion scripts and
    /// the man page describe the whole tree, so <c>completion</c> always gets it.
    /// </summary>
    private static Command Build(CliConsole console, string? only)
    {
        // A plain Command named "sockit" rather than RootCommand, whose name would be the assembly's (Sockit.Cli).
        var root = new Command("sockit", "sockit: a socket toolkit. Services, names, sockets, netcat-style connect and listen, raw HTTP/1.1, and the sockets lesson live.")
        {
            new HelpOption(),
            new VersionOption(),
            GlobalOptions.Format,
        };
        var wanted = only is not null && only != "completion" && Array.Exists(s_commands, c => c.Name == only) ? only : null;
        foreach (var (name, create) in s_commands)
        {
            if (wanted is null || name == wanted)
            {
                root.Subcommands.Add(create(console));
            }
        }
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        // The first word names the command in every command line but those that start with an option (--format json
        // service ssh) or name none; those get the whole tree.
        var root = Build(console, args.Length > 0 ? args[0] : null);
        var parseResult = root.Parse(Arguments.ExecFlags.TakeRest(args), s_parserConfiguration);
        if (parseResult.Action is ParseErrorAction && parseResult.Errors.Count > 0)
        {
            // One line, not the help screen: what was wrong and where to look (as JSON with --format json).
            var context = FailureContext.From(parseResult);
            return FailureOutput.Write(console, context.Format, FailureReport.Usage(UsageErrors.Describe(root, parseResult)));
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (OutputClosedException e)
        {
            // --help and --version write stdout outside any command's action.
            return FailureOutput.Write(console, FailureContext.From(parseResult).Format, new FailureReport("io", ExitCodes.IoError, e.Message));
        }
    }
}
