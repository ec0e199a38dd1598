using System.Text;
using Sockit.Connections;

namespace Sockit.Cli.Commands;

/// <summary>
/// <c>forward</c>'s LISTEN and TARGET, read from the command line (the grammar is in <c>sockit forward --help</c> and
/// the README):
/// <code>
/// LISTEN = [tcp:][ADDR:]PORT | udp:[ADDR:]PORT | unix:PATH      ADDR: 127.0.0.1 (the default), a name, or [IPv6]
/// TARGET = [tcp:]HOST:PORT   | udp:HOST:PORT   | unix:PATH      HOST: a name, an IPv4 address, or [IPv6]
/// </code>
/// PORT is a number or a service name. An IPv6 address goes in brackets, so the last colon is always the port's.
/// </summary>
internal sealed record ForwardAddress(Transport Transport, string? Host, int Port, string? UnixPath)
{
    /// <summary>Where it is, as the user wrote it, for the line that says what is forwarded where.</summary>
    public string Text { get; private init; } = "";

    /// <summary>Reads LISTEN; the address may be left out (then 127.0.0.1), the port may be 0 (a free one).</summary>
    public static ForwardAddress Listen(string text) => Parse("LISTEN", text, hostRequired: false);

    /// <summary>Reads TARGET: a host and a port other than 0, or a Unix socket's path.</summary>
    public static ForwardAddress Target(string text) => Parse("TARGET", text, hostRequired: true);

    private static ForwardAddress Parse(string what, string text, bool hostRequired)
    {
        var shape = hostRequired ? "HOST:PORT (localhost:8080), [::1]:8080, unix:PATH or udp:HOST:PORT" : "PORT (8000), ADDR:PORT, [::1]:8000, unix:PATH or udp:PORT";
        if (text.Trim().Length == 0)
        {
            throw CliException.Usage($"{what} is empty: give {shape}");
        }
        if (text.StartsWith("unix:", StringComparison.Ordinal))
        {
            return new ForwardAddress(Transport.Unix, null, 0, CheckedUnixPath(what, text["unix:".Length..])) { Text = text };
        }
        var transport = text.StartsWith("udp:", StringComparison.Ordinal) ? Transport.Udp : Transport.Tcp;
        var rest = text.StartsWith("udp:", StringComparison.Ordinal) ? text[4..] : text.StartsWith("tcp:", StringComparison.Ordinal) ? text[4..] : text;
        string? host;
        string portText;
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= rest.Length || rest[close + 1] != ':')
            {
                throw CliException.Usage($"{what} '{text}': an IPv6 address in brackets is followed by :PORT ([::1]:8080)");
            }
            host = rest[1..close];
            portText = rest[(close + 2)..];
        }
        else
        {
            var colon = rest.LastIndexOf(':');
            host = colon < 0 ? null : rest[..colon];
            portText = colon < 0 ? rest : rest[(colon + 1)..];
            if (host is not null && host.Contains(':', StringComparison.Ordinal))
            {
                throw CliException.Usage($"{what} '{text}': write an IPv6 address in brackets ([{host}]:{portText})");
            }
        }
        if (host is not null && host.Trim().Length == 0)
        {
            throw CliException.Usage($"{what} '{text}': the address before the port is empty: give {shape}");
        }
        if (hostRequired && host is null)
        {
            throw CliException.Usage($"{what} '{text}' has no host: give {shape}");
        }
        if (portText.Length == 0)
        {
            throw CliException.Usage($"{what} '{text}' has no port: give {shape}");
        }
        var port = NetcatArguments.Port(portText, transport == Transport.Udp ? "udp" : "tcp");
        if (hostRequired && port == 0)
        {
            throw CliException.Usage($"{what} '{text}': port 0 cannot be connected to: give the target's port");
        }
        return new ForwardAddress(transport, host, port, null) { Text = text };
    }

    private static string CheckedUnixPath(string what, string path)
    {
        if (path.Length == 0)
        {
            throw CliException.Usage($"{what} unix: takes the path of a Unix socket (unix:/tmp/sockit.sock)");
        }
        var bytes = Encoding.UTF8.GetByteCount(path);
        if (bytes > NetcatArguments.MaxUnixPathBytes)
        {
            throw CliException.Usage($"{what} unix:{path} is {bytes} bytes long: a Unix socket path holds at most {NetcatArguments.MaxUnixPathBytes} bytes on Linux; use a shorter path, e.g. under /tmp");
        }
        return path;
    }
}
