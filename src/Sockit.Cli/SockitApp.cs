using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
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
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = Build(console);
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction && parseResult.Errors.Count > 0)
        {
            // One line, not the help screen: what was wrong and where to look.
            var command = parseResult.CommandResult.Command == root ? "sockit" : $"sockit {parseResult.CommandResult.Command.Name}";
            var errors = string.Join("; ", parseResult.Errors.Select(e => e.Message.ReplaceLineEndings(" ")).Distinct());
            return CommandAction.Fail(console, ExitCodes.Usage, $"{errors} (try '{command} --help')");
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
