using System.CommandLine;
using Sockit.Cli.Rendering;
using Sockit.Naming;

namespace Sockit.Cli.Commands;

/// <summary><c>sockit host</c>: gethostname(), gethostbyname(gethostname()), getfqdn(), and the interfaces with their addresses.</summary>
internal static class HostCommand
{
    public static Command Create(CliConsole console)
    {
        // No arguments: the command line is the command's name alone.
        var command = new Command("host", "This machine: its host name, the address that name resolves to, its fully qualified name, and its interfaces");
        CommandAction.Set(command, console, (parseResult, _) =>
        {
            new HostInfoRenderer().Render(console, parseResult.GetValue(GlobalOptions.Format), HostResolver.GetHostInfo());
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
