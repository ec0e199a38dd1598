using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Sockit.Cli.Commands;

namespace Sockit.Cli;

/// <summary>The <c>sockit</c> command tree and its entry point, separate from Program so tests run it in-process.</summary>
internal static class SockitApp
{
    public static Command Build(CliConsole console)
    {
        // A plain Command named "sockit" rather than RootCommand, whose name would be the assembly's (Sockit.Cli).
        var root = new Command("sockit", "sockit: a socket toolkit. Services, names, sockets, netcat-style connect and listen, raw HTTP/1.1, and the sockets lesson live.")
        {
            new HelpOption(),
            new VersionOption(),
            GlobalOptions.Format,
            ServiceCommand.Create(console),
            HostCommand.Create(console),
            ResolveCommand.Create(console),
            SocketCommand.Create(console),
            ConstantsCommand.Create(console),
            ConnectCommand.Create(console),
            ListenCommand.Create(console),
            GetCommand.Create(console),
            Tour.TourCommand.Create(console),
            Completion.CompletionCommand.Create(console),
        };
        return root;
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

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = Build(console);
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction && parseResult.Errors.Count > 0)
        {
            // One line, not the help screen: what was wrong and where to look.
            if (parseResult.CommandResult.Command == root)
            {
                return CommandAction.Fail(console, ExitCodes.Usage, RootUsageError(root, parseResult));
            }
            var errors = string.Join("; ", parseResult.Errors.Select(e => e.Message.ReplaceLineEndings(" ")).Distinct());
            return CommandAction.Fail(console, ExitCodes.Usage, $"{errors} (try 'sockit {parseResult.CommandResult.Command.Name} --help')");
        }

        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
        };
        return await parseResult.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
