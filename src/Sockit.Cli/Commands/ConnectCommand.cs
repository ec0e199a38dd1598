using System.CommandLine;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Serialization;
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
        var udp = new Option<bool>("--udp", "-u") { Description = "UDP: each read of stdin is one datagram; replies are read until none comes for 1 s (or --idle-timeout)" };
        var unix = new Option<string?>("--unix", "-U") { Description = "Connect to the Unix domain stream socket at PATH (no HOST or PORT)", HelpName = "PATH" };
        var ipv4 = new Option<bool>("-4") { Description = "IPv4 addresses only" };
        var ipv6 = new Option<bool>("-6") { Description = "IPv6 addresses only" };
        var send = new Option<string?>("--send") { Description = "Send TEXT (UTF-8, exactly as given) instead of stdin", HelpName = "TEXT" };
        var hex = new Option<bool>("--hex") { Description = "Dump both directions to stderr as hex (> sent, < received)" };
        var connectTimeout = new Option<double?>("--connect-timeout") { Description = "Seconds each address may take to accept (default: the OS's, about 2 minutes)", HelpName = "S" };
        var idleTimeout = new Option<double?>("--idle-timeout") { Description = "Fail (exit 75) when no byte has moved either way for S seconds", HelpName = "S" };
        var noShutdown = new Option<bool>("--no-shutdown") { Description = "At the end of stdin, keep the connection open for writing (no half-close); wait for the peer to close" };
        var zero = new Option<bool>("-z") { Description = "Only check that the port (or each port of a range) accepts a connection: exit 0 when one is open, 1 when none" };

        var command = new Command("connect", "Connect to HOST PORT and copy stdin to it and it to stdout (netcat's client; the lesson's client)")
        {
            host, port, udp, unix, ipv4, ipv6, send, hex, connectTimeout, idleTimeout, noShutdown, zero,
        };
        CommandAction.Set(command, console, async (parseResult, cancellationToken) =>
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
            }
            else if (hostName is null || portText is null)
            {
                throw CliException.Usage("give a host and a port (sockit connect localhost 8000) or -U PATH");
            }
            return await RunAsync(console, parseResult, unixPath, hostName, portText, isUdp, cancellationToken).ConfigureAwait(false);
        });
        return command;

        AddressFamily Family(ParseResult parseResult) =>
            parseResult.GetValue(ipv4) ? AddressFamily.InterNetwork : parseResult.GetValue(ipv6) ? AddressFamily.InterNetworkV6 : AddressFamily.Unspecified;

        async Task<int> RunAsync(CliConsole console, ParseResult parseResult, string? unixPath, string? hostName, string? portText, bool isUdp, CancellationToken cancellationToken)
        {
            var options = new ConnectOptions
            {
                Transport = isUdp ? Transport.Udp : Transport.Tcp,
                Family = Family(parseResult),
                ConnectTimeout = NetcatArguments.Seconds(parseResult.GetValue(connectTimeout), "--connect-timeout"),
            };
            var protocol = isUdp ? "udp" : "tcp";
            var format = parseResult.GetValue(GlobalOptions.Format);

            if (parseResult.GetValue(zero))
            {
                if (isUdp)
                {
                    throw CliException.Usage("-z checks TCP ports: UDP has no handshake to tell an open port from a closed one (drop -u; for UDP, send something with -u --send TEXT and see whether a reply comes)");
                }
                return await ScanAsync(console, format, hostName!, NetcatArguments.Ports(portText!, protocol), options, cancellationToken).ConfigureAwait(false);
            }

            var idle = NetcatArguments.Seconds(parseResult.GetValue(idleTimeout), "--idle-timeout");
            var text = parseResult.GetValue(send);
            await using var connection = unixPath is not null
                ? await Connector.ConnectUnixAsync(unixPath, options, cancellationToken).ConfigureAwait(false)
                : await Connector.ConnectAsync(hostName!, NetcatArguments.Port(portText!, protocol), options, cancellationToken).ConfigureAwait(false);
            var dump = parseResult.GetValue(hex) ? new HexDump(console.Error) : null;
            var input = text is null ? console.Input : new MemoryStream(Encoding.UTF8.GetBytes(text), writable: false);
            var relayOptions = new RelayOptions
            {
                ShutdownOnInputEnd = !parseResult.GetValue(noShutdown),
                // A terminal's input never ends by itself: when the peer closes, stop, as netcat users expect.
                StopWhenPeerCloses = text is null && console.InputIsTerminal,
                IdleTimeout = idle,
                Observer = dump is null ? null : (direction, data) => dump.Write(direction == RelayDirection.Sent, data.Span),
            };
            await Relay.RunAsync(connection, input, console.OutputStream, relayOptions, cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
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
                    JsonOutput.Write(console.Out, new PortProbeJson(host, port, probe.Open, probe.RemoteEndPoint is null ? null : Endpoints.Format(probe.RemoteEndPoint), probe.Failure?.ToString(), probe.Reason),
                        ConnectJsonContext.Default.PortProbeJson);
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

internal sealed record PortProbeJson(string Host, int Port, bool Open, string? Address, string? Failure, string? Reason);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(PortProbeJson))]
internal sealed partial class ConnectJsonContext : JsonSerializerContext;
