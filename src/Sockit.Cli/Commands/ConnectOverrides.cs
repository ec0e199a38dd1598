using System.Globalization;
using System.Net;
using Sockit.Http;

namespace Sockit.Cli.Commands;

/// <summary>
/// <c>get --resolve HOST:PORT:ADDR[,ADDR]...</c> and <c>--connect-to HOST:PORT:HOST2:PORT2</c>, spelt as curl spells
/// them (an IPv6 address in brackets: <c>[::1]</c>), parsed into the library's overrides; a wrong one is a usage error.
/// </summary>
internal static class ConnectOverrides
{
    public static HttpResolveOverride ParseResolve(string text)
    {
        var parts = Split(text);
        if (parts.Count < 3 || parts[0].Length == 0 || ParsePort(parts[1]) is not { } port)
        {
            throw CliException.Usage($"--resolve '{text}' is not HOST:PORT:ADDR (e.g. --resolve example.test:80:127.0.0.1)");
        }
        // The addresses may hold colons themselves (IPv6 without brackets): everything after the port is the list.
        var list = text[(parts[0].Length + parts[1].Length + 2)..];
        var addresses = new List<IPAddress>();
        foreach (var item in list.Split(','))
        {
            var literal = item.Trim().Trim('[', ']');
            if (!IPAddress.TryParse(literal, out var address))
            {
                throw CliException.Usage($"--resolve '{text}': '{item}' is not an IP address (--resolve gives addresses, never names, so nothing is looked up)");
            }
            addresses.Add(address);
        }
        return new HttpResolveOverride(parts[0].Trim('[', ']'), port, addresses);
    }

    public static HttpConnectTo ParseConnectTo(string text)
    {
        var parts = Split(text);
        if (parts.Count != 4)
        {
            throw CliException.Usage($"--connect-to '{text}' is not HOST:PORT:HOST2:PORT2 (any part may be empty, e.g. --connect-to ::127.0.0.1:8080)");
        }
        int? Port(string value) => value.Length == 0 ? null
            : ParsePort(value) ?? throw CliException.Usage($"--connect-to '{text}': '{value}' is not a port (0-65535)");
        return new HttpConnectTo(parts[0].Trim('[', ']'), Port(parts[1]), parts[2].Trim('[', ']'), Port(parts[3]));
    }

    private static int? ParsePort(string value) =>
        value.Length is > 0 and <= 5 && value.All(char.IsAsciiDigit) && int.Parse(value, CultureInfo.InvariantCulture) is var port and <= 65535 ? port : null;

    // Splits at colons outside brackets, so that [::1] stays one part.
    private static List<string> Split(string text)
    {
        var parts = new List<string>();
        var start = 0;
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '[' => 1, ']' => -1, _ => 0 };
            if (text[i] == ':' && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }
}
