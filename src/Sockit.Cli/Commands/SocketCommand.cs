using System.CommandLine;
using System.Net.Sockets;
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
            var arguments = new SocketArguments(
                SocketOptions.ParseFamily(parseResult.GetValue(family), AddressFamily.InterNetwork,
                    AddressFamily.InterNetwork, AddressFamily.InterNetworkV6, AddressFamily.Unix),
                SocketOptions.ParseType(parseResult.GetValue(type)) ?? SocketType.Stream,
                SocketOptions.ParseProto(parseResult.GetValue(proto)));
            new SocketDescriptionRenderer().Render(console, parseResult.GetValue(GlobalOptions.Format), Describe(arguments));
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    // The socket lives only as long as it takes to describe it.
    private static SocketDescription Describe(SocketArguments arguments)
    {
        using var socket = SocketFactory.Create(arguments.Family, arguments.Type, arguments.Protocol);
        return SocketDescription.Of(socket);
    }
}
