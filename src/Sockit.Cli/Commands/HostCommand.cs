using System.CommandLine;
using System.Text.Json.Serialization;
using Sockit.Cli.Rendering;
using Sockit.Naming;

namespace Sockit.Cli.Commands;

/// <summary><c>sockit host</c>: gethostname(), gethostbyname(gethostname()), getfqdn(), and the interfaces with their addresses.</summary>
internal static class HostCommand
{
    public static Command Create(CliConsole console)
    {
        var command = new Command("host", "This machine: its host name, the address that name resolves to, its fully qualified name, and its interfaces");
        CommandAction.Set(command, console, (parseResult, _) =>
        {
            var info = HostResolver.GetHostInfo();
            switch (parseResult.GetValue(GlobalOptions.Format))
            {
                case OutputFormat.Python:
                    // socket.gethostname(), socket.gethostbyname(socket.gethostname()), socket.getfqdn(), socket.if_nameindex().
                    console.Out.WriteLine(PyRepr.Str(info.HostName));
                    console.Out.WriteLine(info.Address is null ? PyRepr.None : PyNaming.Address(info.Address));
                    console.Out.WriteLine(PyRepr.Str(info.FullyQualifiedName));
                    console.Out.WriteLine(PyRepr.List(info.Interfaces.Select(i => PyRepr.Tuple(PyRepr.Int(i.Index), PyRepr.Str(i.Name)))));
                    break;
                case OutputFormat.Json:
                    JsonOutput.Write(console.Out, HostJson.From(info), HostJsonContext.Default.HostJson);
                    break;
                default:
                    console.Out.WriteLine($"host name  {info.HostName}");
                    console.Out.WriteLine($"address    {(info.Address?.ToString() ?? $"(none: {info.AddressError})")}");
                    console.Out.WriteLine($"fqdn       {info.FullyQualifiedName}");
                    console.Out.WriteLine("interfaces");
                    foreach (var nic in info.Interfaces)
                    {
                        var addresses = nic.Addresses.Count == 0 ? "(no addresses)" : string.Join(' ', nic.Addresses);
                        console.Out.WriteLine($"  {nic.Index,3} {nic.Name,-12} {(nic.IsUp ? "up  " : "down")} {addresses}");
                    }
                    break;
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}

internal sealed record InterfaceJson(int Index, string Name, bool Up, IReadOnlyList<string> Addresses);

internal sealed record HostJson(string HostName, string? Address, string? AddressError, string FullyQualifiedName, IReadOnlyList<InterfaceJson> Interfaces)
{
    public static HostJson From(HostInfo info) => new(
        info.HostName, info.Address?.ToString(), info.AddressError, info.FullyQualifiedName,
        [.. info.Interfaces.Select(i => new InterfaceJson(i.Index, i.Name, i.IsUp, [.. i.Addresses.Select(a => a.ToString())]))]);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HostJson))]
internal sealed partial class HostJsonContext : JsonSerializerContext;
