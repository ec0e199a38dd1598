using System.CommandLine;
using System.Net.Sockets;
using Sockit.Sockets;

namespace Sockit.Cli.Commands;

/// <summary>The <c>--family</c>, <c>--type</c> and <c>--proto</c> options that <c>resolve</c> and <c>socket</c> share, and their parsing.</summary>
internal static class SocketOptions
{
    public static Option<string?> Family(string description, string helpName) => new("--family") { Description = description, HelpName = helpName };

    public static Option<string?> Type() => new("--type")
    {
        Description = "Socket type: stream, dgram, raw, rdm, seqpacket (or SOCK_ names, or numbers)",
        HelpName = "stream|dgram|raw",
    };

    public static Option<string?> Proto() => new("--proto")
    {
        Description = "Protocol: tcp, udp, icmp, ... (any IPPROTO_ name) or a number",
        HelpName = "tcp|udp|N",
    };

    public static AddressFamily ParseFamily(string? text, AddressFamily defaultFamily, params AddressFamily[] allowed)
    {
        if (text is null)
        {
            return defaultFamily;
        }
        if (SocketConstants.TryParseFamily(text, out var family) && allowed.Contains(family))
        {
            return family;
        }
        var names = allowed.Select(f => f == AddressFamily.Unspecified ? "any" : SocketConstants.FamilyName(f)![3..].ToLowerInvariant()).ToList();
        throw CliException.Usage($"--family takes {string.Join(", ", names.SkipLast(1))} or {names[^1]}, not '{text}'");
    }

    public static SocketType? ParseType(string? text)
    {
        if (text is null)
        {
            return null;
        }
        return SocketConstants.TryParseSocketType(text, out var type)
            ? type
            : throw CliException.Usage($"--type takes stream, dgram, raw, rdm or seqpacket, not '{text}'");
    }

    public static ProtocolType ParseProto(string? text)
    {
        if (text is null)
        {
            return ProtocolType.Unspecified;
        }
        return SocketConstants.TryParseProtocol(text, out var protocol)
            ? protocol
            : throw CliException.Usage($"--proto takes tcp, udp, a name from 'sockit constants --prefix IPPROTO_' or a number 0-65535, not '{text}'");
    }
}
