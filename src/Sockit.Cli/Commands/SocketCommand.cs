using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Serialization;
using Sockit.Cli.Rendering;
using Sockit.Sockets;

namespace Sockit.Cli.Commands;

/// <summary><c>sockit socket [--family F] [--type T] [--proto P]</c>: creates a socket as <c>socket.socket()</c> does and describes it.</summary>
internal static class SocketCommand
{
    public static Command Create(CliConsole console)
    {
        var family = SocketOptions.Family("Address family: inet (the default), inet6 or unix", "inet|inet6|unix");
        var type = SocketOptions.Type();
        var proto = SocketOptions.Proto();
        var command = new Command("socket", "Create a socket as socket.socket(family, type, proto) and describe it: descriptor, family, type, protocol, local address")
        {
            family, type, proto,
        };
        CommandAction.Set(command, console, (parseResult, _) =>
        {
            var addressFamily = SocketOptions.ParseFamily(parseResult.GetValue(family), AddressFamily.InterNetwork,
                AddressFamily.InterNetwork, AddressFamily.InterNetworkV6, AddressFamily.Unix);
            var socketType = SocketOptions.ParseType(parseResult.GetValue(type)) ?? SocketType.Stream;
            var protocol = SocketOptions.ParseProto(parseResult.GetValue(proto));
            SocketDescription description;
            using (var socket = SocketFactory.Create(addressFamily, socketType, protocol))
            {
                description = SocketDescription.Of(socket);
            }

            switch (parseResult.GetValue(GlobalOptions.Format))
            {
                case OutputFormat.Python:
                    console.Out.WriteLine(PyNaming.SocketRepr(description));
                    break;
                case OutputFormat.Json:
                    JsonOutput.Write(console.Out, SocketJson.From(description), SocketJsonContext.Default.SocketJson);
                    break;
                default:
                    console.Out.WriteLine($"fd      {description.Descriptor}");
                    console.Out.WriteLine($"family  {SocketOptions.FamilyText(description.Family)} ({description.OsFamily})");
                    console.Out.WriteLine($"type    {SocketOptions.TypeText(description.SocketType)} ({SocketConstants.ToOsNumber(description.SocketType)})");
                    console.Out.WriteLine($"proto   {(int)description.Protocol}{(description.Protocol == ProtocolType.Unspecified ? " (the family's default)" : $" ({SocketOptions.ProtoText(description.Protocol)})")}");
                    console.Out.WriteLine($"local   {EndPointText(description.LocalEndPoint) ?? "(unnamed)"}");
                    break;
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    internal static string? EndPointText(EndPoint? endPoint) => endPoint switch
    {
        null => null,
        UnixDomainSocketEndPoint unix => unix.ToString().Replace("\0", "@", StringComparison.Ordinal),
        _ => endPoint.ToString(),
    };
}

internal sealed record SocketJson(long Fd, string Family, int FamilyNumber, string Type, int TypeNumber, int Protocol, string? LocalAddress, int? LocalPort, string? LocalPath)
{
    public static SocketJson From(SocketDescription d) => new(
        d.Descriptor,
        SocketOptions.FamilyText(d.Family),
        d.OsFamily,
        SocketOptions.TypeText(d.SocketType),
        SocketConstants.ToOsNumber(d.SocketType),
        (int)d.Protocol,
        (d.LocalEndPoint as IPEndPoint)?.Address.ToString(),
        (d.LocalEndPoint as IPEndPoint)?.Port,
        d.LocalEndPoint is UnixDomainSocketEndPoint ? SocketCommand.EndPointText(d.LocalEndPoint) : null);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SocketJson))]
internal sealed partial class SocketJsonContext : JsonSerializerContext;
