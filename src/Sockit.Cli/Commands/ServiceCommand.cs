using System.CommandLine;
using System.Globalization;
using Sockit.Cli.Rendering;
using Sockit.Services;

namespace Sockit.Cli.Commands;

/// <summary><c>sockit service NAME|PORT [--proto P] [--file PATH] | --list</c>: getservbyname, getservbyport, and the whole list.</summary>
internal static class ServiceCommand
{
    public static Command Create(CliConsole console)
    {
        var service = new Argument<string?>("NAME|PORT")
        {
            Description = "A service name or alias (ssh, www) or a port number (80)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var proto = new Option<string?>("--proto")
        {
            Description = "Protocol to match: tcp, udp, ... (default: the first entry of any protocol, as Python without proto)",
            HelpName = "tcp|udp",
        };
        var file = new Option<string?>("--file")
        {
            Description = $"Read this services file instead of the OS's ({ServicesDatabase.DefaultPath})",
            HelpName = "PATH",
        };
        var list = new Option<bool>("--list")
        {
            Description = "List every entry (of --proto only, when given) and say which database is in use",
        };

        var command = new Command("service", "Look up a service by name or port, as getservbyname/getservbyport (the lesson's first step)")
        {
            service, proto, file, list,
        };
        CommandAction.Set(command, console, (parseResult, _) =>
        {
            var arguments = Parse(parseResult.GetValue(service), parseResult.GetValue(proto), parseResult.GetValue(file), parseResult.GetValue(list));
            var database = arguments.FilePath is null ? ServicesDatabase.System : ServicesDatabase.LoadFile(arguments.FilePath);
            var format = parseResult.GetValue(GlobalOptions.Format);
            switch (arguments.Mode)
            {
                case ServiceMode.List:
                    new ServiceListingRenderer().Render(console, format, new ServiceListing(database.Source, arguments.Protocol, [.. database.List(arguments.Protocol)]));
                    break;
                case ServiceMode.ByPort:
                    new ServiceLookupRenderer().Render(console, format, new ServiceLookup(database.GetByPort(arguments.Port, arguments.Protocol), database.Source, ByPort: true));
                    break;
                default:
                    new ServiceLookupRenderer().Render(console, format, new ServiceLookup(database.GetByName(arguments.Name!, arguments.Protocol), database.Source, ByPort: false));
                    break;
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static ServiceArguments Parse(string? query, string? protocolText, string? filePath, bool listing)
    {
        var protocol = ValidateProtocol(protocolText);
        if (listing == (query is not null))
        {
            throw CliException.Usage(listing
                ? "give either a service name/port or --list, not both"
                : "give a service name or port (sockit service ssh, sockit service 80) or --list");
        }
        if (listing)
        {
            return new ServiceArguments(ServiceMode.List, null, 0, protocol, filePath);
        }
        return TryParsePort(query!, out var port)
            ? new ServiceArguments(ServiceMode.ByPort, null, port, protocol, filePath)
            : new ServiceArguments(ServiceMode.ByName, query, 0, protocol, filePath);
    }

    private static string? ValidateProtocol(string? protocol)
    {
        if (protocol is null)
        {
            return null;
        }
        if (protocol.Length == 0 || protocol.All(char.IsAsciiDigit))
        {
            throw CliException.Usage($"--proto takes a protocol name such as tcp or udp, not '{protocol}'");
        }
        return protocol;
    }

    private static bool TryParsePort(string query, out int port)
    {
        port = 0;
        if (query.Length == 0 || !query.All(char.IsAsciiDigit))
        {
            return false;
        }
        if (!int.TryParse(query, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
        {
            throw CliException.Usage($"port {query} is out of range: ports are 0-65535");
        }
        return true;
    }
}
