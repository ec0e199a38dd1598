using System.CommandLine;
using System.Net.Sockets;
using System.Text;
using Sockit.Cli.Arguments;
using Sockit.Cli.Rendering;
using Sockit.Connections;

namespace Sockit.Cli.Commands;

/// <summary>
/// <c>sockit connect HOST PORT</c>: netcat's client mode, the lesson's client (connect, sendall, recv, close).
/// stdin goes to the peer and the peer to stdout, bytes exact; at the end of stdin the sending side is shut down and
/// the reading goes on until the peer closes. <c>-z</c> only checks whether ports accept a connection.
/// </summary>
internal static class ConnectCommand
{
    public static Command Create(CliConsole console)
    {
        var host = new Argument<string?>("HOST") { Description = "Host name or address (localhost, 127.0.0.1, ::1)", Arity = ArgumentArity.ZeroOrOne };
        var port = new Argument<string?>("PORT") { Description = "Port number or service name; with -z a range such as 8000-8010", Arity = ArgumentArity.ZeroOrOne };
        var udp = new Option<bool>("--udp", "-u") { Description = "UDP: each read of stdin is one datagram (at most 65,507 bytes: a longer read is cut into several, --send TEXT never is); replies are read until none comes for 1 s (or --idle-timeout)" };
        var unix = new Option<string?>("--unix", "-U") { Description = "Connect to the Unix domain stream socket at PATH (no HOST or PORT)", HelpName = "PATH" };
        var ipv4 = new Option<bool>("-4") { Description = "IPv4 addresses only" };
        var ipv6 = new Option<bool>("-6") { Description = "IPv6 addresses only" };
        var send = new Option<string?>("--send") { Description = "Send TEXT (UTF-8, exactly as given) instead of stdin", HelpName = "TEXT" };
        var hex = new Option<bool>("--hex") { Description = "Dump both directions to stderr as hex (> sent, < received)" };
        var connectTimeout = Duration.Option("--connect-timeout", "How long the connect may take in all, over every address tried (curl's --connect-timeout; -w is ncat's, the connect timeout only, not OpenBSD nc's idle timeout): 500ms, 2s, 1m or seconds (default: the OS's, about 2 minutes an address)");
        connectTimeout.Aliases.Add("-w");
        var netcatFlags = new NetcatFlags();
        var idleTimeout = Duration.Option("--idle-timeout", "Fail (exit 75) when no byte has moved either way for this long: 500ms, 2s, 1m or seconds");
        var noShutdown = new Option<bool>("--no-shutdown") { Description = "At the end of stdin, keep the connection open for writing (no half-close); wait for the peer to close" };
        var zero = new Option<bool>("-z") { Description = "Only check that the port (or each port of a range) accepts a connection: exit 0 when one is open, 1 when none" };
        var tls = new Option<bool>("--tls") { Description = "Speak TLS (ncat's --ssl): verify the server's certificate, then stdin and stdout over TLS; half-close is close_notify then the TCP shutdown" };
        var sni = new Option<string?>("--sni") { Description = "With --tls, the name to send as SNI and to check the certificate against (default: HOST)", HelpName = "NAME" };
        var tlsFlags = new TlsFlags();
        var execFlags = new ExecFlags();
        var verbosity = new Verbosity();
        var proxy = ProxyFlag.Create();

        var command = new Command("connect", "Connect to HOST PORT and copy stdin to it and it to stdout (netcat's client; the lesson's client)")
        {
            host, port, udp, unix, ipv4, ipv6, send, hex, connectTimeout, idleTimeout, noShutdown, zero, tls, sni, verbosity.Option, proxy, execFlags.Exec, execFlags.ShExec,
        };
        foreach (var option in tlsFlags.Client.Concat(netcatFlags.Connect))
        {
            command.Options.Add(option);
        }
        CommandAction.Set(command, console, async (parseResult, cancellationToken) =>
        {
            var arguments = Parse(parseResult);
            return await RunAsync(console, arguments, cancellationToken).ConfigureAwait(false);
        });
        return command;

        ConnectArguments Parse(ParseResult parseResult)
        {
            var unixPath = parseResult.GetValue(unix);
            var hostName = parseResult.GetValue(host);
            var portText = parseResult.GetValue(port);
            var isUdp = parseResult.GetValue(udp);
            if (parseResult.GetValue(ipv4) && parseResult.GetValue(ipv6))
            {
                throw CliException.Usage("give -4 or -6, not both");
            }
            if (unixPath is not null)
            {
                if (hostName is not null || isUdp || parseResult.GetValue(zero))
                {
                    throw CliException.Usage("-U PATH takes no HOST or PORT, and no -u or -z (sockit connect -U /tmp/socket)");
                }
                NetcatArguments.UnixPath(unixPath);
            }
            else if (hostName is null || portText is null)
            {
                throw CliException.Usage("give a host and a port (sockit connect localhost 8000) or -U PATH");
            }
            else
            {
                NetcatArguments.Host(hostName);
            }
            if (parseResult.GetValue(zero) && isUdp)
            {
                throw CliException.Usage("-z checks TCP ports: UDP has no handshake to tell an open port from a closed one (drop -u; for UDP, send something with -u --send TEXT and see whether a reply comes)");
            }
            if (execFlags.Given(parseResult) && (parseResult.GetValue(send) is not null || parseResult.GetValue(zero)))
            {
                throw CliException.Usage("--exec and --sh-exec take the place of stdin and stdout: drop --send and -z");
            }
            var useTls = parseResult.GetValue(tls);
            if (!useTls && tlsFlags.Client.Append(sni).Any(o => parseResult.GetResult(o) is { Implicit: false }))
            {
                throw CliException.Usage("--sni, --cacert, --insecure, --cert, --key and --tls-min go with --tls");
            }
            if (useTls && (isUdp || parseResult.GetValue(zero)))
            {
                throw CliException.Usage("--tls needs a TCP connection: drop -u or -z (sockit tls HOST:PORT checks a TLS handshake)");
            }
            var proxyOptions = ProxyFlag.Parse(parseResult, proxy);
            if (proxyOptions is not null && (isUdp || unixPath is not null || parseResult.GetValue(zero)))
            {
                throw CliException.Usage("--proxy tunnels one TCP connection to HOST PORT: drop -u (SOCKS5's UDP ASSOCIATE is not supported), -U or -z");
            }
            return new ConnectArguments(
                hostName,
                portText,
                unixPath,
                isUdp,
                parseResult.GetValue(ipv4) ? AddressFamily.InterNetwork : parseResult.GetValue(ipv6) ? AddressFamily.InterNetworkV6 : AddressFamily.Unspecified,
                parseResult.GetValue(send),
                parseResult.GetValue(hex),
                parseResult.GetValue(connectTimeout),
                parseResult.GetValue(idleTimeout),
                parseResult.GetValue(noShutdown),
                parseResult.GetValue(zero),
                parseResult.GetValue(GlobalOptions.Format))
            {
                Tls = useTls ? tlsFlags.ClientOptions(parseResult, parseResult.GetValue(sni)) : null,
                Exec = execFlags.Command(parseResult),
                Verbosity = verbosity.Level(parseResult),
                Proxy = proxyOptions,
                Netcat = netcatFlags.Read(parseResult),
            };
        }
    }

    private static async Task<int> RunAsync(CliConsole console, ConnectArguments arguments, CancellationToken cancellationToken)
    {
        var options = new ConnectOptions
        {
            Transport = arguments.Udp ? Transport.Udp : Transport.Tcp,
            Family = arguments.Family,
            ConnectTimeout = arguments.ConnectTimeout,
            Tls = arguments.Tls,
            Proxy = arguments.Proxy,
        };
        options = await arguments.Netcat.ApplyAsync(options, cancellationToken).ConfigureAwait(false);
        if (arguments.Scan)
        {
            // -z -v: the attempts on stderr; the per-port lines on stdout stay as they are.
            var scanTrace = arguments.Verbosity > 0 ? new NetcatConnectTrace(console, options.AttemptDelay, json: null) : null;
            return await ScanAsync(console, arguments.Format, arguments.Host!, NetcatArguments.Ports(arguments.Port!, arguments.Protocol), options with { Progress = scanTrace }, cancellationToken).ConfigureAwait(false);
        }

        var renderer = NetcatRenderer.For(arguments.Format, console, arguments.Hex, namePeers: false, verbosity: arguments.Verbosity);
        options = options with { Progress = renderer.ConnectTrace(options.AttemptDelay) };
        var port = arguments.UnixPath is null ? NetcatArguments.Port(arguments.Port!, arguments.Protocol) : 0;
        try
        {
            await using var connection = arguments.UnixPath is not null
                ? await Connector.ConnectUnixAsync(arguments.UnixPath, options, cancellationToken).ConfigureAwait(false)
                : await Connector.ConnectAsync(arguments.Host!, port, options, cancellationToken).ConfigureAwait(false);
            UdpDatagram.CheckSend(arguments.Udp ? arguments.Send : null, connection.RemoteEndPoint);
            renderer.Connected(connection, accepted: false);
            TlsWarning.IfUntrusted(console, connection.Tls);
            if (arguments.Exec is { } exec)
            {
                return await NetcatExec.RelayAsync(renderer, connection, exec, arguments.IdleTimeout, cancellationToken).ConfigureAwait(false);
            }
            var input = arguments.Netcat.Input(arguments.Send is null ? console.Input : new MemoryStream(Encoding.UTF8.GetBytes(arguments.Send), writable: false));
            var peer = connection.RemoteEndPoint;
            var relayOptions = arguments.Netcat.Apply(new RelayOptions
            {
                ShutdownOnInputEnd = !arguments.NoShutdown,
                // A terminal's input never ends by itself: when the peer closes, stop, as netcat users expect.
                StopWhenPeerCloses = arguments.Send is null && console.InputIsTerminal,
                IdleTimeout = arguments.IdleTimeout,
                Observer = renderer.WantsData ? (direction, data) => renderer.Data(peer, direction, data.Span) : null,
            });
            var result = await Relay.RunAsync(connection, input, renderer.Output, relayOptions, cancellationToken).ConfigureAwait(false);
            renderer.Closed(connection, result);
            return ExitCodes.Ok;
        }
        catch (SockitException e)
        {
            renderer.Failed(e);
            throw;
        }
    }

    private static async Task<int> ScanAsync(CliConsole console, OutputFormat format, string host, IReadOnlyList<int> ports, ConnectOptions options, CancellationToken cancellationToken)
    {
        var anyOpen = false;
        foreach (var port in ports)
        {
            var probe = await Connector.ProbeAsync(host, port, options, cancellationToken).ConfigureAwait(false);
            anyOpen |= probe.Open;
            switch (format)
            {
                case OutputFormat.Json:
                    JsonLines.Write(console.Out, new PortProbeJson(1, host, port, probe.Open, probe.RemoteEndPoint is null ? null : Endpoints.Format(probe.RemoteEndPoint), probe.Failure is { } kind ? Failures.FailureReport.KindOf(kind) : null, probe.Reason),
                        CliJsonContext.Default.PortProbeJson);
                    break;
                case OutputFormat.Python:
                    // socket.connect_ex((host, port)): 0 when it connected, else the errno.
                    console.Out.WriteLine(PyRepr.Int(probe.Open ? 0 : probe.ErrorNumber));
                    break;
                default:
                    console.Out.WriteLine(probe.Open
                        ? $"{host} port {port} ({Endpoints.Format(probe.RemoteEndPoint!)}): open"
                        : $"{host} port {port}: closed ({probe.Reason})");
                    break;
            }
        }
        return anyOpen ? ExitCodes.Ok : ExitCodes.CheckFailed;
    }
}
