using System.Globalization;
using System.Text;
using Sockit.Services;

namespace Sockit.Cli.Commands;

/// <summary>Arguments <c>connect</c> and <c>listen</c> share: hosts, ports (numbers, service names, ranges) and Unix socket paths.</summary>
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

    /// <summary>
    /// The longest path a Unix domain socket address holds on Linux: <c>sun_path</c> is 108 bytes, one of them the
    /// closing NUL. Checked here so a long path gets one plain line instead of an exception from deep in the socket call.
    /// </summary>
    public const int MaxUnixPathBytes = 107;

    /// <summary>A host name or address for <c>connect</c>: anything but empty (the resolver says the rest).</summary>
    public static string Host(string text) => text.Trim().Length > 0
        ? text
        : throw CliException.Usage("the host is empty: give a name or an address (localhost, 127.0.0.1, ::1)");

    /// <summary>A <c>-U</c> path: not empty, and short enough for <c>sun_path</c>.</summary>
    public static string UnixPath(string path)
    {
        if (path.Length == 0)
        {
            throw CliException.Usage("-U takes the path of a Unix socket, not an empty string (e.g. -U /tmp/sockit.sock)");
        }
        var bytes = Encoding.UTF8.GetByteCount(path);
        if (bytes > MaxUnixPathBytes)
        {
            throw CliException.Usage($"-U path is {bytes} bytes long: a Unix socket path holds at most {MaxUnixPathBytes} bytes on Linux (sun_path is 108 with the closing NUL); use a shorter path, e.g. under /tmp");
        }
        return path;
    }
}
