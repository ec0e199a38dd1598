using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Sockit.Cli.Arguments;
using Sockit.Cli.Rendering;
using Sockit.Connections;
using Sockit.Forwarding;
using Sockit.Servers;

namespace Sockit.Cli.Commands;

/// <summary>
/// <c>sockit forward LISTEN TARGET</c>: socat's <c>TCP-LISTEN:A,fork TCP:host:B</c>. Accepts on LISTEN, connects each
/// client to TARGET and relays both ways with half-close, many clients at once, until Ctrl-C; <c>--tls-listen</c>
/// terminates TLS, <c>--tls-target</c> originates it. Prints where it listens and each failure on stderr; <c>-v</c>
/// also each client's connect and, on close, the bytes each way.
/// </summary>
internal static class ForwardCommand
{
    public static Command Create(CliConsole console)
    {
        var listen = new Argument<string>("LISTEN")
        {
            Description = "Where to listen: [ADDR:]PORT (ADDR default 127.0.0.1, loopback only; [::1]:PORT for IPv6; PORT 0: a free one), unix:PATH, or udp:[ADDR:]PORT",
        };
        var target = new Argument<string>("TARGET")
        {
            Description = "Where to connect each client: HOST:PORT ([::1]:PORT for IPv6), unix:PATH, or udp:HOST:PORT (UDP goes with a udp: LISTEN)",
        };
        var tlsListen = new Option<bool>("--tls-listen") { Description = "Serve TLS to clients (terminate TLS) with --cert/--key, or a new self-signed certificate whose SHA-256 fingerprint is printed on stderr" };
        var tlsTarget = new Option<bool>("--tls-target") { Description = "Speak TLS to the target (originate TLS), verifying its certificate (--cacert, --insecure, --sni, --tls-min)" };
        var sni = new Option<string?>("--sni") { Description = "With --tls-target, the name to send as SNI and to check the certificate against (default: the target's HOST)", HelpName = "NAME" };
        var maxClients = new Option<int?>("--max-clients") { Description = "Serve at most N clients at once; more are closed at once (UDP: their datagrams dropped)", HelpName = "N" };
        var idleTimeout = Duration.Option("--idle-timeout", "UDP: forget a client after this long with no datagram either way: 500ms, 2s, 1m or seconds (default 60s)");
        var connectTimeout = Duration.Option("--connect-timeout", "How long connecting to the target may take for each client: 500ms, 2s, 1m or seconds (default: the OS's)");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also print each client's connect, and on close the bytes each way and how long (errors are always printed)" };
        var tlsFlags = new TlsFlags();
        // This command's own set: --cert is the certificate served to clients, never one presented to the target.
        tlsFlags.Cert.Description = "With --tls-listen, the certificate (PEM) to serve to clients, and its key unless --key gives it";

        var command = new Command("forward", "Accept on LISTEN and relay each client to TARGET, both ways, many at once (socat TCP-LISTEN:A,fork TCP:HOST:B)")
        {
            listen, target, tlsListen, tlsFlags.Cert, tlsFlags.Key, tlsTarget, tlsFlags.CaCert, tlsFlags.Insecure, sni, tlsFlags.TlsMin,
            maxClients, idleTimeout, connectTimeout, verbose,
        };
        CommandAction.Set(command, console, async (parseResult, cancellationToken) =>
        {
            var arguments = Parse(parseResult);
            var options = new ForwardOptions
            {
                Listen = await ListenerOptionsAsync(arguments, tlsFlags, parseResult, cancellationToken).ConfigureAwait(false),
                Target = arguments.Target.Transport switch
                {
                    Transport.Unix => ForwardTarget.Unix(arguments.Target.UnixPath!),
                    Transport.Udp => ForwardTarget.Udp(arguments.Target.Host!, arguments.Target.Port),
                    _ => ForwardTarget.Tcp(arguments.Target.Host!, arguments.Target.Port),
                },
                TargetTls = arguments.TargetTls,
                MaxClients = arguments.MaxClients,
                ConnectTimeout = arguments.ConnectTimeout,
                UdpIdleTimeout = arguments.UdpIdleTimeout ?? TimeSpan.FromSeconds(60),
            };
            var renderer = ForwardRenderer.For(arguments.Format, console, arguments.Verbose);
            try
            {
                await using var forwarder = Forwarder.Start(options with { Events = renderer.Event });
                renderer.Listening(forwarder);
                await forwarder.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
                return ExitCodes.Ok;
            }
            catch (SockitException e)
            {
                renderer.Failed(e);
                throw;
            }
        });
        return command;

        ForwardArguments Parse(ParseResult parseResult)
        {
            var listenAddress = ForwardAddress.Listen(parseResult.GetValue(listen)!);
            var targetAddress = ForwardAddress.Target(parseResult.GetValue(target)!);
            if ((listenAddress.Transport == Transport.Udp) != (targetAddress.Transport == Transport.Udp))
            {
                throw CliException.Usage(listenAddress.Transport == Transport.Udp
                    ? $"LISTEN {listenAddress.Text} is UDP: give a udp: TARGET too (sockit forward udp:5353 udp:127.0.0.1:53)"
                    : $"TARGET {targetAddress.Text} is UDP: give a udp: LISTEN too (sockit forward udp:5353 udp:127.0.0.1:53)");
            }
            var udp = listenAddress.Transport == Transport.Udp;
            var useTlsListen = parseResult.GetValue(tlsListen);
            var useTlsTarget = parseResult.GetValue(tlsTarget);
            if (udp && (useTlsListen || useTlsTarget))
            {
                throw CliException.Usage("--tls-listen and --tls-target need stream sockets: UDP has no TLS (DTLS is not supported)");
            }
            if (!useTlsListen && (Given(parseResult, tlsFlags.Cert) || Given(parseResult, tlsFlags.Key)))
            {
                throw CliException.Usage("--cert and --key go with --tls-listen (sockit forward --tls-listen --cert FILE --key FILE 8443 localhost:8080)");
            }
            if (!useTlsTarget && (Given(parseResult, tlsFlags.CaCert) || Given(parseResult, tlsFlags.Insecure) || Given(parseResult, sni) || Given(parseResult, tlsFlags.TlsMin)))
            {
                throw CliException.Usage("--cacert, --insecure, --sni and --tls-min go with --tls-target");
            }
            if (parseResult.GetValue(maxClients) is < 1)
            {
                throw CliException.Usage("--max-clients takes a number of clients, 1 or more");
            }
            if (!udp && Given(parseResult, idleTimeout))
            {
                throw CliException.Usage("--idle-timeout is for UDP forwarding (udp: LISTEN and TARGET); a TCP client's relay ends when both sides have closed");
            }
            return new ForwardArguments(
                listenAddress,
                targetAddress,
                useTlsListen,
                // The target's TLS is a client's: --cert/--key are the listening side's certificate, never presented to the target.
                useTlsTarget ? tlsFlags.ClientOptions(parseResult, parseResult.GetValue(sni)) with { ClientCertificate = null } : null,
                parseResult.GetValue(maxClients),
                parseResult.GetValue(idleTimeout),
                parseResult.GetValue(connectTimeout),
                parseResult.GetValue(verbose),
                parseResult.GetValue(GlobalOptions.Format));
        }
    }

    private static bool Given(ParseResult parseResult, Option option) => parseResult.GetResult(option) is { Implicit: false };

    private static async Task<ListenerOptions> ListenerOptionsAsync(ForwardArguments arguments, TlsFlags tlsFlags, ParseResult parseResult, CancellationToken cancellationToken)
    {
        var listen = arguments.Listen;
        var options = listen.Transport == Transport.Unix
            ? new ListenerOptions { Transport = Transport.Unix, UnixPath = listen.UnixPath }
            : new ListenerOptions
            {
                Transport = listen.Transport,
                Address = listen.Host is null ? IPAddress.Loopback : (await Connector.ResolveAsync(listen.Host, AddressFamily.Unspecified, cancellationToken).ConfigureAwait(false))[0],
                Port = listen.Port,
            };
        return arguments.TlsListen
            ? options with { Tls = ListenTls.Options(tlsFlags.ServerCertificate(parseResult), options.Address) }
            : options;
    }
}
