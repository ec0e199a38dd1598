using System.CommandLine;

namespace Sockit.Cli.Completion;

/// <summary>
/// <c>sockit completion bash|zsh|fish|man</c>: prints a shell completion script, or the sockit(1) man page, generated
/// from the command tree this program parses with.
/// </summary>
internal static class CompletionCommand
{
    public static Command Create(CliConsole console)
    {
        var shell = new Argument<string>("SHELL")
        {
            Description = "bash, zsh or fish: the completion script for that shell; man: the sockit(1) man page in roff",
            HelpName = "bash|zsh|fish|man",
        };
        shell.AcceptOnlyFromAmong("bash", "zsh", "fish", "man");
        var command = new Command("completion", "Print a shell completion script (source <(sockit completion bash)) or the man page (sockit completion man)")
        {
            shell,
        };
        CommandAction.Set(command, console, (parseResult, _) =>
        {
            var tree = CommandTree.Read(parseResult.RootCommandResult.Command);
            console.Out.Write(parseResult.GetValue(shell) switch
            {
                "bash" => BashScript.Generate(tree),
                "zsh" => ZshScript.Generate(tree),
                "fish" => FishScript.Generate(tree),
                _ => ManPage.Generate(tree),
            });
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
