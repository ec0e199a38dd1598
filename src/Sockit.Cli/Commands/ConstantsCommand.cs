using System.CommandLine;
using Sockit.Cli.Rendering;
using Sockit.Sockets;

namespace Sockit.Cli.Commands;

/// <summary><c>sockit constants [--prefix AF_|SOCK_|IPPROTO_]</c>: the OS's socket constants under Python's names.</summary>
internal static class ConstantsCommand
{
    private static readonly string[] s_prefixes = ["AF_", "SOCK_", "IPPROTO_"];

    public static Command Create(CliConsole console)
    {
        var prefix = new Option<string?>("--prefix") { Description = "Only the address families, socket types or protocols", HelpName = "AF_|SOCK_|IPPROTO_" };
        var command = new Command("constants", "List the AF_, SOCK_ and IPPROTO_ constants with their numbers on this OS") { prefix };
        CommandAction.Set(command, console, (parseResult, _) =>
        {
            var arguments = Parse(parseResult.GetValue(prefix));
            new SocketConstantsRenderer().Render(console, parseResult.GetValue(GlobalOptions.Format), SocketConstants.List(arguments.Prefix));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    // AF_, af_, AF and af all name the address families.
    private static ConstantsArguments Parse(string? text) => text is null
        ? new ConstantsArguments(null)
        : new ConstantsArguments(
            s_prefixes.FirstOrDefault(p => p.Equals(text, StringComparison.OrdinalIgnoreCase) || p.TrimEnd('_').Equals(text, StringComparison.OrdinalIgnoreCase))
                ?? throw CliException.Usage($"--prefix takes AF_, SOCK_ or IPPROTO_, not '{text}'"));
}
