using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Serialization;
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
            var host = parseResult.GetValue(name);
            var format = parseResult.GetValue(GlobalOptions.Format);
            var familyText = parseResult.GetValue(family);
            var serviceText = parseResult.GetValue(service);
            var addrInfo = serviceText is not null || familyText is not null || parseResult.GetValue(type) is not null
                || parseResult.GetValue(proto) is not null || parseResult.GetValue(canonical) || parseResult.GetValue(passive);
            var isEx = parseResult.GetValue(ex);
            var isReverse = parseResult.GetValue(reverse);
            var serverText = parseResult.GetValue(server);

            if (host is not null && host.Length == 0)
            {
                throw CliException.Usage("the name is empty (give a host name or address)");
            }
            if (serverText is not null)
            {
                if (isEx || isReverse || serviceText is not null || parseResult.GetValue(type) is not null || parseResult.GetValue(proto) is not null
                    || parseResult.GetValue(canonical) || parseResult.GetValue(passive))
                {
                    throw CliException.Usage("--server goes with NAME, --family and --timeout only");
                }
                var options = new DnsServerQueryOptions
                {
                    Family = SocketOptions.ParseFamily(familyText, AddressFamily.InterNetwork, AddressFamily.InterNetwork, AddressFamily.InterNetworkV6, AddressFamily.Unspecified),
                    Timeout = parseResult.GetValue(timeout) ?? TimeSpan.FromSeconds(2),
                };
                var answer = await DnsServerResolver.QueryAsync(RequireName(host), ParseServer(serverText), options, cancellationToken).ConfigureAwait(false);
                RenderDnsAnswer(console, format, answer);
                return ExitCodes.Ok;
            }
            if (parseResult.GetValue(timeout) is not null)
            {
                throw CliException.Usage("--timeout goes with --server (the OS resolver has its own, in /etc/resolv.conf)");
            }
            try
            {
                if (isReverse)
                {
                    if (isEx || addrInfo)
                    {
                        throw CliException.Usage("--reverse takes an address only, not --ex or getaddrinfo options");
                    }
                    RenderEntry(console, format, HostResolver.GetHostByAddr(RequireName(host)), "gethostbyaddr");
                }
                else if (isEx)
                {
                    if (addrInfo)
                    {
                        throw CliException.Usage("--ex is gethostbyname_ex, which takes a name only: drop --ex to use getaddrinfo's options");
                    }
                    RenderEntry(console, format, HostResolver.GetHostByNameEx(RequireName(host)), "gethostbyname_ex");
                }
                else if (addrInfo)
                {
                    if (host is null && serviceText is null)
                    {
                        throw CliException.Usage("give a NAME, a --service, or both");
                    }
                    var flags = (parseResult.GetValue(canonical) ? AddressInfoFlags.CanonicalName : AddressInfoFlags.None)
                        | (parseResult.GetValue(passive) ? AddressInfoFlags.Passive : AddressInfoFlags.None);
                    IReadOnlyList<AddressInfo> infos;
                    try
                    {
                        infos = await HostResolver.GetAddrInfoAsync(
                            host,
                            serviceText,
                            SocketOptions.ParseFamily(familyText, AddressFamily.Unspecified, AddressFamily.InterNetwork, AddressFamily.InterNetworkV6, AddressFamily.Unspecified),
                            SocketOptions.ParseType(parseResult.GetValue(type)),
                            SocketOptions.ParseProto(parseResult.GetValue(proto)),
                            flags,
                            cancellationToken).ConfigureAwait(false);
                    }
                    catch (LookupException e) when (e.InnerException is SocketException
                    {
                        SocketErrorCode: SocketError.SocketNotSupported or SocketError.AddressFamilyNotSupported or SocketError.InvalidArgument,
                    })
                    {
                        throw CliException.Usage($"{e.Message} (--type and --proto must go together: stream with tcp, dgram with udp)");
                    }
                    RenderAddrInfo(console, format, infos);
                }
                else
                {
                    var address = HostResolver.GetHostByName(RequireName(host));
                    switch (format)
                    {
                        case OutputFormat.Python:
                            console.Out.WriteLine(PyNaming.Address(address));
                            break;
                        case OutputFormat.Json:
                            JsonOutput.Write(console.Out, new ResolveAddressJson(host!, address.ToString()), ResolveJsonContext.Default.ResolveAddressJson);
                            break;
                        default:
                            console.Out.WriteLine(address);
                            break;
                    }
                }
            }
            catch (LookupException e)
            {
                throw WithHint(e, reverseOfAddress: isReverse && IPAddress.TryParse(host, out _));
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    // The resolver's reason says what failed and why; add what to try.
    private static CliException WithHint(LookupException e, bool reverseOfAddress)
    {
        var hint = (e.Failure, (e.InnerException as SocketException)?.SocketErrorCode) switch
        {
            (SockitFailure.NotFound, SocketError.TypeNotFound) => "give a port number, or a service that 'sockit service --list' shows for that protocol",
            (SockitFailure.NotFound, _) when reverseOfAddress => "no line of /etc/hosts and no PTR record in DNS names this address",
            (SockitFailure.NotFound, _) => "check the spelling, /etc/hosts, and the DNS servers in /etc/resolv.conf; --server ADDR asks one directly",
            (SockitFailure.TimedOut, _) => "the DNS server did not answer in time: try again, or check /etc/resolv.conf",
            _ => null,
        };
        return new CliException(ExitCodes.For(e.Failure), hint is null ? e.Message : $"{e.Message} ({hint})");
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

    private static void RenderEntry(CliConsole console, OutputFormat format, HostEntry entry, string call)
    {
        switch (format)
        {
            case OutputFormat.Python:
                console.Out.WriteLine(PyNaming.HostEntry(entry));
                break;
            case OutputFormat.Json:
                JsonOutput.Write(console.Out, HostEntryJson.From(entry), ResolveJsonContext.Default.HostEntryJson);
                break;
            default:
                console.Out.WriteLine($"name       {entry.Name}");
                console.Out.WriteLine($"aliases    {(entry.Aliases.Count == 0 ? "(none)" : string.Join(' ', entry.Aliases))}");
                console.Out.WriteLine($"addresses  {string.Join(' ', entry.Addresses)}");
                console.Error.WriteLine($"# {call}, from the OS resolver");
                break;
        }
    }

    private static void RenderAddrInfo(CliConsole console, OutputFormat format, IReadOnlyList<AddressInfo> infos)
    {
        switch (format)
        {
            case OutputFormat.Python:
                console.Out.WriteLine(PyNaming.AddrInfoList(infos));
                break;
            case OutputFormat.Json:
                JsonOutput.Write(console.Out, infos.Select(AddressInfoJson.From).ToList(), ResolveJsonContext.Default.ListAddressInfoJson);
                break;
            default:
                foreach (var info in infos)
                {
                    var line = $"{SocketOptions.FamilyText(info.Family),-9} {SocketOptions.TypeText(info.SocketType),-14} {SocketOptions.ProtoText(info.Protocol),-5} {info.EndPoint}";
                    console.Out.WriteLine(info.CanonicalName.Length > 0 ? $"{line}  canonical name {info.CanonicalName}" : line);
                }
                break;
        }
    }

    private static void RenderDnsAnswer(CliConsole console, OutputFormat format, DnsAnswer answer)
    {
        switch (format)
        {
            case OutputFormat.Python:
                // What gethostbyname_ex would print were this server the OS's resolver.
                console.Out.WriteLine(PyNaming.HostEntry(answer.Entry));
                break;
            case OutputFormat.Json:
                JsonOutput.Write(console.Out, DnsAnswerJson.From(answer), ResolveJsonContext.Default.DnsAnswerJson);
                break;
            default:
                console.Error.WriteLine($"# answer from {answer.Server}");
                foreach (var record in answer.Records)
                {
                    console.Out.WriteLine($"{record.Name,-30} {record.TimeToLive,6} IN {record.Type,-6} {record.Data}");
                }
                console.Out.WriteLine($"name       {answer.Entry.Name}");
                console.Out.WriteLine($"aliases    {(answer.Entry.Aliases.Count == 0 ? "(none)" : string.Join(' ', answer.Entry.Aliases))}");
                console.Out.WriteLine($"addresses  {string.Join(' ', answer.Entry.Addresses)}");
                break;
        }
    }
}

internal sealed record ResolveAddressJson(string Name, string Address);

internal sealed record HostEntryJson(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Addresses)
{
    public static HostEntryJson From(HostEntry entry) => new(entry.Name, entry.Aliases, [.. entry.Addresses.Select(a => a.ToString())]);
}

// Python's data: an IPv6 address without its %scope, beside flowinfo and scope_id.
internal sealed record AddressInfoJson(string Family, int FamilyNumber, string Type, int TypeNumber, int Protocol, string CanonicalName, string Address, int Port, uint? FlowInfo, long? ScopeId)
{
    public static AddressInfoJson From(AddressInfo info) => new(
        SocketOptions.FamilyText(info.Family),
        Sockets.SocketConstants.ToOsNumber(info.Family),
        SocketOptions.TypeText(info.SocketType),
        Sockets.SocketConstants.ToOsNumber(info.SocketType),
        (int)info.Protocol,
        info.CanonicalName,
        PyNaming.HostText(info.EndPoint.Address),
        info.EndPoint.Port,
        info.Family == AddressFamily.InterNetworkV6 ? info.FlowInfo : null,
        info.Family == AddressFamily.InterNetworkV6 ? info.EndPoint.Address.ScopeId : null);
}

internal sealed record DnsRecordJson(string Name, string Type, int Ttl, string Data);

internal sealed record DnsAnswerJson(string Server, string Query, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Addresses, IReadOnlyList<DnsRecordJson> Records)
{
    public static DnsAnswerJson From(DnsAnswer answer) => new(
        answer.Server.ToString(), answer.QueryName, answer.Entry.Name, answer.Entry.Aliases, [.. answer.Entry.Addresses.Select(a => a.ToString())],
        [.. answer.Records.Select(r => new DnsRecordJson(r.Name, r.Type, r.TimeToLive, r.Data))]);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ResolveAddressJson))]
[JsonSerializable(typeof(HostEntryJson))]
[JsonSerializable(typeof(List<AddressInfoJson>))]
[JsonSerializable(typeof(DnsAnswerJson))]
internal sealed partial class ResolveJsonContext : JsonSerializerContext;
