using System.CommandLine;
using Sockit.Cli.Arguments;
using Sockit.Cli.Rendering;
using Sockit.Connections;
using Sockit.Tls;

namespace Sockit.Cli.Commands;

/// <summary>
/// <c>sockit tls HOST[:PORT] [--sni NAME] [--cacert FILE] [--pem]</c>: what <c>openssl s_client -showcerts</c> shows,
/// readable: the protocol, cipher and ALPN a handshake settles, the chain, and whether it is trusted (exit 0) or why
/// not (exit 77).
/// </summary>
internal static class TlsCommand
{
    public const int DefaultPort = 443;

    public static Command Create(CliConsole console)
    {
        var server = new Argument<string>("HOST[:PORT]") { Description = "The server: localhost:8443, example.org (port 443), [::1]:8443" };
        var sni = new Option<string?>("--sni") { Description = "The name to send as SNI and check the certificate against (default: HOST)", HelpName = "NAME" };
        var pem = new Option<bool>("--pem") { Description = "Write the chain as PEM to stdout (the server's certificate first) instead of the summary" };
        var connectTimeout = Duration.Option("--connect-timeout", "How long the connect and the handshake may take: 500ms, 2s, 1m or seconds (default: the OS's)");
        var tlsFlags = new TlsFlags();

        var command = new Command("tls", "Handshake with a TLS server and show its protocol, cipher, certificate chain and whether it is trusted (exit 77 when not)")
        {
            server, sni, tlsFlags.CaCert, tlsFlags.TlsMin, pem, connectTimeout,
        };
        CommandAction.Set(command, console, async (parseResult, cancellationToken) =>
        {
            var arguments = Parse(parseResult);
            var session = await TlsInspector.InspectAsync(arguments.Host, arguments.Port, arguments.Options,
                new ConnectOptions { ConnectTimeout = arguments.ConnectTimeout }, cancellationToken).ConfigureAwait(false);
            var report = new TlsReport(arguments.Host, arguments.Port, session, DateTimeOffset.UtcNow);
            if (arguments.Pem)
            {
                TlsRenderer.WritePem(report, console.Out);
                if (session.Verdict != TlsVerdict.Trusted)
                {
                    console.Error.WriteLine($"sockit: the TLS certificate of {session.TargetHost} is not trusted: {session.VerdictReason}");
                }
            }
            else
            {
                new TlsRenderer().Render(console, arguments.Format, report);
            }
            return session.Verdict == TlsVerdict.Trusted ? ExitCodes.Ok : ExitCodes.Untrusted;
        });
        return command;

        TlsArguments Parse(ParseResult parseResult)
        {
            var format = parseResult.GetValue(GlobalOptions.Format);
            if (format == OutputFormat.Python)
            {
                throw CliException.Usage("sockit tls has no python format (Python's ssl module has no one call that shows this): use --format json");
            }
            var (host, port) = HostAndPort(parseResult.GetValue(server)!);
            var name = parseResult.GetValue(sni);
            if (name is not null && name.Trim().Length == 0)
            {
                throw CliException.Usage("--sni is empty: give the name to ask for (--sni example.org)");
            }
            return new TlsArguments(host, port, tlsFlags.ClientOptions(parseResult, name), parseResult.GetValue(pem), parseResult.GetValue(connectTimeout), format);
        }
    }

    /// <summary><c>host</c>, <c>host:port</c>, <c>[v6]:port</c>, or a bare IPv6 address (port 443).</summary>
    public static (string Host, int Port) HostAndPort(string text)
    {
        if (text.Trim().Length == 0)
        {
            throw CliException.Usage("the server is empty: give HOST or HOST:PORT (sockit tls localhost:8443)");
        }
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                throw CliException.Usage($"'{text}': an IPv6 address in brackets needs its closing ']' ([::1]:8443)");
            }
            var rest = text[(close + 1)..];
            if (rest.Length > 0 && !rest.StartsWith(':'))
            {
                throw CliException.Usage($"'{text}': after ']' comes :PORT or nothing ([::1]:8443)");
            }
            return (text[1..close], rest.Length == 0 ? DefaultPort : NetcatArguments.Port(rest[1..], "tcp"));
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || text.IndexOf(':', colon + 1) >= 0)
        {
            // No colon, or several: an IPv6 address without a port.
            return (text, DefaultPort);
        }
        return (text[..colon], NetcatArguments.Port(text[(colon + 1)..], "tcp"));
    }
}
