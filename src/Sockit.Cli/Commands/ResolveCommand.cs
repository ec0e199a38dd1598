using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Sockit.Cli.Rendering;
using Sockit.Naming;

namespace Sockit.Cli.Commands;

/// <summary>
/// <c>sockit resolve NAME</c>: gethostbyname; <c>--ex</c>: gethostbyname_ex; any getaddrinfo option: every getaddrinfo
/// entry; <c>--reverse</c>: gethostbyaddr; <c>--server</c>: ask one DNS server directly.
/// </summary>
internal static class ResolveCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string?>("NAME")
        {
            Description = "A host name or address (with --reverse: the address to look up)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var ex = new Option<bool>("--ex") { Description = "Canonical name, aliases and IPv4 addresses, as gethostbyname_ex" };
        var service = new Option<string?>("--service") { Description = "getaddrinfo's service: a name (http) or a port number", HelpName = "S" };
        var family = SocketOptions.Family("Address family for getaddrinfo (default any), or for --server (default inet)", "inet|inet6|any");
        var type = SocketOptions.Type();
        var proto = SocketOptions.Proto();
        var canonical = new Option<bool>("--canonical") { Description = "Ask getaddrinfo for the canonical name (AI_CANONNAME)" };
        var passive = new Option<bool>("--passive") { Description = "Addresses to bind to: with no NAME, the wildcard (AI_PASSIVE)" };
        var reverse = new Option<bool>("--reverse") { Description = "Look up an address's name, aliases and addresses, as gethostbyaddr" };
        var server = new Option<string?>("--server")
        {
            Description = $"Ask this DNS server directly (port {DnsServerResolver.DefaultPort} unless given), bypassing the OS resolver and hosts file",
            HelpName = "ADDR[:PORT]",
        };
        var timeout = Arguments.Duration.Option("--timeout", "With --server: how long to wait for the answer: 500ms, 2s, 1m or seconds (default 2s)");

        var command = new Command("resolve", "Resolve a name as gethostbyname, gethostbyname_ex, getaddrinfo or gethostbyaddr, or ask a DNS server")
        {
            name, ex, service, family, type, proto, canonical, passive, reverse, server, timeout,
        };
        CommandAction.Set(command, console, async (parseResult, cancellationToken) =>
        {
            var arguments = Parse(new ResolveCommandLine(
                parseResult.GetValue(name), parseResult.GetValue(ex), parseResult.GetValue(service), parseResult.GetValue(family),
                parseResult.GetValue(type), parseResult.GetValue(proto), parseResult.GetValue(canonical), parseResult.GetValue(passive),
                parseResult.GetValue(reverse), parseResult.GetValue(server), parseResult.GetValue(timeout)));
            var format = parseResult.GetValue(GlobalOptions.Format);
            if (arguments.Mode == ResolveMode.DnsServer)
            {
                var options = new DnsServerQueryOptions { Family = arguments.Family, Timeout = arguments.Timeout };
                var answer = await DnsServerResolver.QueryAsync(arguments.Name!, arguments.Server!, options, cancellationToken).ConfigureAwait(false);
                new DnsAnswerRenderer().Render(console, format, answer);
                return ExitCodes.Ok;
            }
            switch (arguments.Mode)
            {
                case ResolveMode.GetHostByAddr:
                    new HostEntryLookupRenderer().Render(console, format, new HostEntryLookup(HostResolver.GetHostByAddr(arguments.Name!), "gethostbyaddr"));
                    break;
                case ResolveMode.GetHostByNameEx:
                    new HostEntryLookupRenderer().Render(console, format, new HostEntryLookup(HostResolver.GetHostByNameEx(arguments.Name!), "gethostbyname_ex"));
                    break;
                case ResolveMode.GetAddrInfo:
                    new AddressInfoRenderer().Render(console, format, await HostResolver.GetAddrInfoAsync(
                        arguments.Name, arguments.Service, arguments.Family, arguments.Type, arguments.Protocol, arguments.Flags, cancellationToken).ConfigureAwait(false));
                    break;
                default:
                    new ResolvedAddressRenderer().Render(console, format, new ResolvedAddress(arguments.Name!, HostResolver.GetHostByName(arguments.Name!)));
                    break;
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    // The mode follows from the options given; each mode refuses the options of the others, in this order.
    private static ResolveArguments Parse(ResolveCommandLine line)
    {
        var host = line.Name;
        if (host is not null && host.Length == 0)
        {
            throw CliException.Usage("the name is empty (give a host name or address)");
        }
        if (line.Server is not null)
        {
            if (line.Ex || line.Reverse || line.Service is not null || line.Type is not null || line.Proto is not null || line.Canonical || line.Passive)
            {
                throw CliException.Usage("--server goes with NAME, --family and --timeout only");
            }
            var serverFamily = SocketOptions.ParseFamily(line.Family, AddressFamily.InterNetwork, AddressFamily.InterNetwork, AddressFamily.InterNetworkV6, AddressFamily.Unspecified);
            var wait = line.Timeout ?? TimeSpan.FromSeconds(2);
            return new ResolveArguments(ResolveMode.DnsServer, RequireName(host)) { Family = serverFamily, Timeout = wait, Server = ParseServer(line.Server) };
        }
        if (line.Timeout is not null)
        {
            throw CliException.Usage("--timeout goes with --server (the OS resolver has its own, in /etc/resolv.conf)");
        }
        if (line.Reverse)
        {
            if (line.Ex || line.AddrInfo)
            {
                throw CliException.Usage("--reverse takes an address only, not --ex or getaddrinfo options");
            }
            return new ResolveArguments(ResolveMode.GetHostByAddr, RequireName(host));
        }
        if (line.Ex)
        {
            if (line.AddrInfo)
            {
                throw CliException.Usage("--ex is gethostbyname_ex, which takes a name only: drop --ex to use getaddrinfo's options");
            }
            return new ResolveArguments(ResolveMode.GetHostByNameEx, RequireName(host));
        }
        if (!line.AddrInfo)
        {
            return new ResolveArguments(ResolveMode.GetHostByName, RequireName(host));
        }
        if (host is null && line.Service is null)
        {
            throw CliException.Usage("give a NAME, a --service, or both");
        }
        return new ResolveArguments(ResolveMode.GetAddrInfo, host)
        {
            Service = line.Service,
            Family = SocketOptions.ParseFamily(line.Family, AddressFamily.Unspecified, AddressFamily.InterNetwork, AddressFamily.InterNetworkV6, AddressFamily.Unspecified),
            Type = SocketOptions.ParseType(line.Type),
            Protocol = SocketOptions.ParseProto(line.Proto),
            Flags = (line.Canonical ? AddressInfoFlags.CanonicalName : AddressInfoFlags.None) | (line.Passive ? AddressInfoFlags.Passive : AddressInfoFlags.None),
        };
    }

    private static string RequireName(string? host) =>
        host ?? throw CliException.Usage("give a host name or address (sockit resolve localhost)");

    // ADDR, ADDR:PORT (IPv4), [ADDR] or [ADDR]:PORT (IPv6). Not IPAddress.TryParse on the whole text: it takes
    // "[::1]:5353" as the address ::1 and drops the port.
    internal static IPEndPoint ParseServer(string text)
    {
        var host = text;
        string? port = null;
        var bracketed = text.StartsWith('[');
        if (bracketed)
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            var rest = close < 0 ? "" : text[(close + 1)..];
            host = close < 0 ? "" : text[1..close];
            if (rest.Length > 0)
            {
                port = rest.StartsWith(':') ? rest[1..] : "";
            }
        }
        else if (text.Count(c => c == ':') == 1)
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            (host, port) = (text[..colon], text[(colon + 1)..]);
        }
        if (IPAddress.TryParse(host, out var address)
            && (!bracketed || address.AddressFamily == AddressFamily.InterNetworkV6))
        {
            if (port is null)
            {
                return new IPEndPoint(address, DnsServerResolver.DefaultPort);
            }
            if (int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 1 and <= 65535)
            {
                return new IPEndPoint(address, number);
            }
        }
        throw CliException.Usage($"--server takes an IP address with an optional port (127.0.0.1:5353, [::1]:5353), not '{text}'");
    }
}
