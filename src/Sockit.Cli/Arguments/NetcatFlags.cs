using System.CommandLine;
using System.Globalization;

namespace Sockit.Cli.Arguments;

/// <summary>
/// The flags a netcat user types, beyond connect's and listen's own: <c>-q</c>, <c>-C</c>, <c>--send-only</c>,
/// <c>--recv-only</c>, <c>-s</c> and <c>-p</c>. Each command makes its own set and adds the ones it takes
/// (<see cref="Connect"/>, <see cref="Listen"/>); <see cref="Read"/> checks them into <see cref="NetcatFlagValues"/>.
/// Each help text names the peer the flag comes from. (<c>-w</c> is connect's <c>--connect-timeout</c> alias, and
/// <c>-v</c> is its own.)
/// </summary>
internal sealed class NetcatFlags
{
    public Option<string?> Quit { get; } = new("-q")
    {
        Description = "After the end of stdin, wait at most SECS for the peer to close, then quit; 0 quits at once, a negative number waits for the peer (the default) (OpenBSD nc's -q)",
        HelpName = "SECS",
    };

    public Option<bool> Crlf { get; } = new("--crlf", "-C")
    {
        Description = "Send CRLF line ends: each LF of stdin not already after a CR is sent as CR LF (ncat's -C)",
    };

    public Option<bool> SendOnly { get; } = new("--send-only")
    {
        Description = "Only send: what the peer sends is read and thrown away, and the end of stdin ends the connection (ncat's --send-only)",
    };

    public Option<bool> RecvOnly { get; } = new("--recv-only")
    {
        Description = "Only receive: stdin is never read and nothing is sent, not even the end of stdin; ends when the peer closes (ncat's --recv-only)",
    };

    public Option<string?> Source { get; } = new("--source", "-s")
    {
        Description = "Bind this local address before connecting (ncat's and OpenBSD nc's -s)",
        HelpName = "ADDR",
    };

    public Option<string?> SourcePort { get; } = new("--source-port", "-p")
    {
        Description = "Bind this local port before connecting; without -s on the wildcard address of the target's family (ncat's -p; OpenBSD nc's -p)",
        HelpName = "PORT",
    };

    /// <summary>connect's: all of them.</summary>
    public IEnumerable<Option> Connect => [Quit, Crlf, SendOnly, RecvOnly, Source, SourcePort];

    /// <summary>listen's: -C, --send-only and --recv-only (ncat's listen takes these too).</summary>
    public IEnumerable<Option> Listen => [Crlf, SendOnly, RecvOnly];

    /// <summary>The values given, checked; the options a command does not take read as their defaults.</summary>
    public NetcatFlagValues Read(ParseResult parseResult)
    {
        var sendOnly = parseResult.GetValue(SendOnly);
        var recvOnly = parseResult.GetValue(RecvOnly);
        if (sendOnly && recvOnly)
        {
            throw CliException.Usage("give --send-only or --recv-only, not both (with neither, data goes both ways)");
        }
        var source = parseResult.GetValue(Source);
        if (source is not null && source.Trim().Length == 0)
        {
            throw CliException.Usage("-s is empty: give a local address (127.0.0.1, ::1)");
        }
        var portText = parseResult.GetValue(SourcePort);
        var port = 0;
        if (portText is not null
            && (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            throw CliException.Usage($"-p takes a source port number, 1-65535 (not '{portText}')");
        }
        return new NetcatFlagValues(QuitAfter(parseResult.GetValue(Quit)), parseResult.GetValue(Crlf), sendOnly, recvOnly, source, port);
    }

    // -q SECS: OpenBSD nc's seconds (a duration such as 500ms works too); 0 is at once; negative is "wait for the peer".
    private static TimeSpan? QuitAfter(string? text)
    {
        if (text is null)
        {
            return null;
        }
        if (text.StartsWith('-') && double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var negative) && negative < 0)
        {
            return null;
        }
        if (text.Length > 0 && text.All(c => c == '0' || c == '.') && text.Contains('0', StringComparison.Ordinal))
        {
            return TimeSpan.Zero;
        }
        return Duration.TryParse(text, out var duration)
            ? duration
            : throw CliException.Usage($"-q takes seconds: 0 to quit when stdin ends, {Duration.Forms}, or a negative number to wait for the peer (not '{text}')");
    }
}
