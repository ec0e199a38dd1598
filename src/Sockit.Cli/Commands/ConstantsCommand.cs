using System.CommandLine;
using System.Text.Json.Serialization;
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
            var text = parseResult.GetValue(prefix);
            string? chosen = null;
            if (text is not null)
            {
                chosen = s_prefixes.FirstOrDefault(p => p.Equals(text, StringComparison.OrdinalIgnoreCase) || p.TrimEnd('_').Equals(text, StringComparison.OrdinalIgnoreCase))
                    ?? throw CliException.Usage($"--prefix takes AF_, SOCK_ or IPPROTO_, not '{text}'");
            }
            var constants = SocketConstants.List(chosen);
            switch (parseResult.GetValue(GlobalOptions.Format))
            {
                case OutputFormat.Python:
                    // {name: int(getattr(socket, name)) for name in dir(socket) if name.startswith(prefix)}
                    console.Out.WriteLine("{" + string.Join(", ", constants.Select(c => $"{PyRepr.Str(c.Name)}: {PyRepr.Int(c.Value)}")) + "}");
                    break;
                case OutputFormat.Json:
                    JsonOutput.Write(console.Out, [.. constants.Select(c => new ConstantJson(c.Name, c.Value))], ConstantsJsonContext.Default.ListConstantJson);
                    break;
                default:
                    foreach (var constant in constants)
                    {
                        console.Out.WriteLine($"{constant.Name,-18} {constant.Value}");
                    }
                    break;
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}

internal sealed record ConstantJson(string Name, int Value);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(List<ConstantJson>))]
internal sealed partial class ConstantsJsonContext : JsonSerializerContext;
