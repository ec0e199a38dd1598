using System.Buffers;
using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Sockit.Cli.Rendering;
using Sockit.Connections;
using Sockit.Servers;

namespace Sockit.Cli.Commands;

/// <summary>
/// <c>sockit listen PORT</c>: netcat's server mode, the lesson's server (bind, listen, accept, recv, sendall, close).
/// Binds loopback unless <c>--bind</c> says otherwise; prints what arrives, sends stdin to the peer;
/// <c>--echo</c> and <c>--reply TEXT</c> answer each message; <c>-k</c> serves many clients at once.
/// </summary>
internal static class ListenCommand
{
    public static Command Create(CliConsole console)
    {
        var port = new Argument<string?>("PORT") { Description = "Port number or service name to listen on (0: a free port, named on stderr)", Arity = ArgumentArity.ZeroOrOne };
        var bind = new Option<string?>("--bind") { Description = "Address to bind (default 127.0.0.1, loopback only; 0.0.0.0 or :: for every interface)", HelpName = "ADDR" };
        var udp = new Option<bool>("--udp", "-u") { Description = "UDP: print each datagram; answer (or send stdin to) each peer by its address, many peers at once" };
        var unix = new Option<string?>("--unix", "-U") { Description = "Listen on a Unix domain stream socket at PATH (removed again on exit)", HelpName = "PATH" };
        var keepOpen = new Option<bool>("--keep-open", "-k") { Description = "Serve many clients, at once, until Ctrl-C (stdin goes to every client)" };
        var echo = new Option<bool>("--echo") { Description = "Send every byte back to whoever sent it" };
        var reply = new Option<string?>("--reply") { Description = "Answer each message with TEXT, as the lesson's server (\"Yes, I can hear you.\")", HelpName = "TEXT" };
        var maxClients = new Option<int?>("--max-clients") { Description = "With -k, serve at most N clients at once; more are closed at once", HelpName = "N" };
        var idleTimeout = new Option<double?>("--idle-timeout") { Description = "Close a client silent for S seconds (one client without -k: exit 75; UDP: stop)", HelpName = "S" };
        var hex = new Option<bool>("--hex") { Description = "Dump both directions to stderr as hex (> sent, < received; with -k or -u each peer's chunks under a '== PEER' line)" };

        var command = new Command("listen", "Listen on PORT, print what arrives and send stdin back (netcat's server; the lesson's server)")
        {
            port, bind, udp, unix, keepOpen, echo, reply, maxClients, idleTimeout, hex,
        };
        CommandAction.Set(command, console, async (parseResult, cancellationToken) =>
        {
            var unixPath = parseResult.GetValue(unix);
            var portText = parseResult.GetValue(port);
            var isUdp = parseResult.GetValue(udp);
            var replyText = parseResult.GetValue(reply);
            var isEcho = parseResult.GetValue(echo);
            if (isEcho && replyText is not null)
            {
                throw CliException.Usage("give --echo or --reply TEXT, not both");
            }
            if (unixPath is not null && (portText is not null || isUdp || parseResult.GetValue(bind) is not null))
            {
                throw CliException.Usage("-U PATH takes no PORT, --bind or -u (sockit listen -U /tmp/socket)");
            }
            if (unixPath is null && portText is null)
            {
                throw CliException.Usage("give a port to listen on (sockit listen 8000; 0 for a free one) or -U PATH");
            }
            if (parseResult.GetValue(maxClients) is < 1)
            {
                throw CliException.Usage("--max-clients takes a number of clients, 1 or more");
            }
            var listenerOptions = unixPath is not null
                ? new ListenerOptions { Transport = Transport.Unix, UnixPath = unixPath }
                : new ListenerOptions
                {
                    Transport = isUdp ? Transport.Udp : Transport.Tcp,
                    Address = await BindAddressAsync(parseResult.GetValue(bind), cancellationToken).ConfigureAwait(false),
                    Port = NetcatArguments.Port(portText!, isUdp ? "udp" : "tcp"),
                };
            var idle = NetcatArguments.Seconds(parseResult.GetValue(idleTimeout), "--idle-timeout");
            var keep = parseResult.GetValue(keepOpen);
            var dump = parseResult.GetValue(hex) ? new HexDump(console.Error) : null;

            if (!keep && !isUdp && !isEcho && replyText is null)
            {
                return await RelayOneAsync(console, listenerOptions, idle, dump, cancellationToken).ConfigureAwait(false);
            }

            // Several peers at once (-k, UDP): name each in the dump. One client: the same dump as connect's.
            var several = keep || isUdp;
            void Dump(EndPoint peer, bool sent, ReadOnlySpan<byte> data)
            {
                lock (console)
                {
                    if (several)
                    {
                        dump!.Write(Endpoints.Format(peer), sent, data);
                    }
                    else
                    {
                        dump!.Write(sent, data);
                    }
                }
            }

            var serverOptions = new ServerOptions
            {
                KeepOpen = keep,
                MaxClients = parseResult.GetValue(maxClients),
                IdleTimeout = idle,
                Received = async (peer, data, ct) =>
                {
                    if (dump is not null)
                    {
                        Dump(peer, sent: false, data.Span);
                    }
                    await console.OutputStream.WriteAsync(data, ct).ConfigureAwait(false);
                    await console.OutputStream.FlushAsync(ct).ConfigureAwait(false);
                },
                Sent = dump is null ? null : (peer, data) => Dump(peer, sent: true, data.Span),
                Events = e => ReportEvent(console, e),
            };
            await using var server = isEcho ? EchoServer.Start(listenerOptions, serverOptions)
                : replyText is not null ? ReplyServer.Start(replyText, listenerOptions, serverOptions)
                : Server.Start(listenerOptions, serverOptions);
            ReportListening(console, server.Listener, isEcho ? "echo" : replyText is not null ? "reply" : null);
            if (!isEcho && replyText is null)
            {
                // stdin goes to every client (UDP: every peer heard from); it is not awaited, a terminal's read cannot be cancelled.
                _ = BroadcastInputAsync(console, server, cancellationToken);
            }
            await server.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>netcat without -k: accept one client, stop listening, relay stdin and stdout with it until both ends are done.</summary>
    private static async Task<int> RelayOneAsync(CliConsole console, ListenerOptions listenerOptions, TimeSpan? idle, HexDump? dump, CancellationToken cancellationToken)
    {
        Connection connection;
        await using (var listener = Listener.Bind(listenerOptions))
        {
            ReportListening(console, listener, null);
            connection = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (connection)
        {
            console.Error.WriteLine($"connection from {connection.PeerName}");
            var relayOptions = new RelayOptions
            {
                StopWhenPeerCloses = console.InputIsTerminal,
                IdleTimeout = idle,
                Observer = dump is null ? null : (direction, data) => dump.Write(direction == RelayDirection.Sent, data.Span),
            };
            await Relay.RunAsync(connection, console.Input, console.OutputStream, relayOptions, cancellationToken).ConfigureAwait(false);
        }
        return ExitCodes.Ok;
    }

    private static async Task BroadcastInputAsync(CliConsole console, Server server, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(65507);
        try
        {
            int n;
            while ((n = await console.Input.ReadAsync(buffer.AsMemory(0, 65507), cancellationToken).ConfigureAwait(false)) > 0)
            {
                await server.BroadcastAsync(buffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or ConnectionException or IOException)
        {
            // Stopping, or stdin is gone: the server goes on serving.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task<IPAddress> BindAddressAsync(string? bind, CancellationToken cancellationToken)
    {
        if (bind is null)
        {
            return IPAddress.Loopback;
        }
        var addresses = await Connector.ResolveAsync(bind, AddressFamily.Unspecified, cancellationToken).ConfigureAwait(false);
        return addresses[0];
    }

    private static void ReportListening(CliConsole console, Listener listener, string? mode)
    {
        var transport = listener.Transport.ToString().ToLowerInvariant();
        var what = mode is null ? transport : $"{transport}, {mode}";
        var scope = listener.LocalEndPoint is IPEndPoint ip
            ? IPAddress.IsLoopback(ip.Address) ? "; loopback only, --bind ADDR to accept from elsewhere"
            : ip.Address.Equals(IPAddress.Any) || ip.Address.Equals(IPAddress.IPv6Any) ? "; every interface" : ""
            : "";
        console.Error.WriteLine($"listening on {listener.Name} ({what}{scope})");
    }

    private static void ReportEvent(CliConsole console, ServerEvent e)
    {
        var peer = Endpoints.Format(e.Peer);
        var line = e.Kind switch
        {
            ServerEventKind.Connected => $"connection from {peer}",
            ServerEventKind.Closed => $"closed {peer}",
            ServerEventKind.Rejected => $"rejected {peer}: {e.Detail}",
            ServerEventKind.IdleTimedOut => $"closed {peer}: {e.Detail}",
            _ => $"failed {peer}: {e.Detail}",
        };
        lock (console)
        {
            console.Error.WriteLine(line);
        }
    }
}
