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
            NcCommand.Create(console, RunAsync),
            GetCommand.Create(console),
            TlsCommand.Create(console),
            Tour.TourCommand.Create(console),
            Completion.CompletionCommand.Create(console),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = Build(console);
        var parseResult = root.Parse(args, s_parserConfiguration);
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
