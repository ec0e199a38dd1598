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
            var query = parseResult.GetValue(service);
            var protocol = ValidateProtocol(parseResult.GetValue(proto));
            var listing = parseResult.GetValue(list);
            if (listing == (query is not null))
            {
                throw CliException.Usage(listing
                    ? "give either a service name/port or --list, not both"
                    : "give a service name or port (sockit service ssh, sockit service 80) or --list");
            }

            var path = parseResult.GetValue(file);
            var database = path is null ? ServicesDatabase.System : ServicesDatabase.LoadFile(path);
            var format = parseResult.GetValue(GlobalOptions.Format);
            if (listing)
            {
                RenderList(console, format, database, protocol);
            }
            else if (TryParsePort(query!, out var port))
            {
                RenderByPort(console, format, database.GetByPort(port, protocol), database.Source);
            }
            else
            {
                RenderByName(console, format, database.GetByName(query!, protocol), database.Source);
            }
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
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

    private static void RenderByName(CliConsole console, OutputFormat format, ServiceEntry entry, ServicesSource source)
    {
        switch (format)
        {
            case OutputFormat.Python:
                console.Out.WriteLine(PyRepr.Int(entry.Port));
                break;
            case OutputFormat.Json:
                JsonOutput.Write(console.Out, ServiceJson.From(entry, source), CliJsonContext.Default.ServiceJson);
                break;
            default:
                console.Out.WriteLine(TextLine(entry));
                break;
        }
    }

    private static void RenderByPort(CliConsole console, OutputFormat format, ServiceEntry entry, ServicesSource source)
    {
        if (format == OutputFormat.Python)
        {
            console.Out.WriteLine(PyRepr.Str(entry.Name));
            return;
        }
        RenderByName(console, format, entry, source);
    }

    private static void RenderList(CliConsole console, OutputFormat format, ServicesDatabase database, string? protocol)
    {
        var entries = database.List(protocol).ToList();
        switch (format)
        {
            case OutputFormat.Python:
                // Python has no listing call; this is the list of (name, port, protocol, aliases) tuples it would build.
                console.Out.WriteLine(PyRepr.List(entries.Select(e =>
                    PyRepr.Tuple(PyRepr.Str(e.Name), PyRepr.Int(e.Port), PyRepr.Str(e.Protocol), PyRepr.StrList(e.Aliases)))));
                break;
            case OutputFormat.Json:
                JsonOutput.Write(console.Out,
                    new ServiceListJson(database.Source.ToString(), database.Source.IsEmbedded, entries.Select(e => ServiceJson.From(e, null)).ToList()),
                    CliJsonContext.Default.ServiceListJson);
                break;
            default:
                console.Error.WriteLine($"# source: {database.Source} ({entries.Count} entries{(protocol is null ? "" : $" for {protocol}")})");
                foreach (var entry in entries)
                {
                    console.Out.WriteLine(TextLine(entry));
                }
                break;
        }
    }

    // The layout of `getent services`: name padded to 21 columns, port/protocol, aliases.
    private static string TextLine(ServiceEntry entry) =>
        $"{entry.Name,-21} {entry.Port}/{entry.Protocol} {string.Join(' ', entry.Aliases)}".TrimEnd();
}

internal sealed record ServiceJson(string Name, int Port, string Protocol, IReadOnlyList<string> Aliases, string? Source)
{
    public static ServiceJson From(ServiceEntry entry, ServicesSource? source) =>
        new(entry.Name, entry.Port, entry.Protocol, entry.Aliases, source?.ToString());
}

internal sealed record ServiceListJson(string Source, bool Embedded, IReadOnlyList<ServiceJson> Entries);
