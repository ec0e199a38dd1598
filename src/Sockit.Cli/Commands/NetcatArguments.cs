using System.Globalization;
using Sockit.Services;

namespace Sockit.Cli.Commands;

/// <summary>Arguments <c>connect</c> and <c>listen</c> share: ports (numbers, service names, ranges) and seconds.</summary>
internal static class NetcatArguments
{
    /// <summary>A port number, or a service name looked up in the services database (http → 80).</summary>
    public static int Port(string text, string protocol)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535)
            {
                return port;
            }
            throw CliException.Usage($"port {text} is out of range: ports are 0-65535");
        }
        if (text.Length == 0)
        {
            throw CliException.Usage("the port is empty: give a number (8000) or a service name (http)");
        }
        if (text.Contains('-', StringComparison.Ordinal) && text.Replace("-", "", StringComparison.Ordinal).All(char.IsAsciiDigit))
        {
            throw CliException.Usage($"'{text}' is a port range: ranges are for -z only (sockit connect -z HOST {text})");
        }
        return ServicesDatabase.System.GetByName(text, protocol).Port;
    }

    /// <summary>One port, or an inclusive range <c>8000-8010</c> (for <c>-z</c>).</summary>
    public static IReadOnlyList<int> Ports(string text, string protocol)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && text[..dash].All(char.IsAsciiDigit) && text[(dash + 1)..].All(char.IsAsciiDigit) && dash < text.Length - 1)
        {
            var first = Port(text[..dash], protocol);
            var last = Port(text[(dash + 1)..], protocol);
            if (last < first)
            {
                throw CliException.Usage($"port range {text} runs backwards: write it low-high ({last}-{first})");
            }
            return Enumerable.Range(first, last - first + 1).ToList();
        }
        return [Port(text, protocol)];
    }

    /// <summary>Seconds for a timeout option: a positive number, fractions allowed.</summary>
    public static TimeSpan? Seconds(double? value, string option)
    {
        if (value is not { } seconds)
        {
            return null;
        }
        if (!double.IsFinite(seconds) || seconds <= 0 || seconds > 86400)
        {
            throw CliException.Usage($"{option} takes seconds greater than 0 (e.g. 2.5), not {seconds.ToString(CultureInfo.InvariantCulture)}");
        }
        return TimeSpan.FromSeconds(seconds);
    }
}
