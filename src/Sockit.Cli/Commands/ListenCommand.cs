using System.Buffers;
using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Sockit.Cli.Arguments;
using Sockit.Cli.Rendering;
using Sockit.Connections;
using Sockit.Servers;

namespace Sockit.Cli.Commands;

/// <summary>
/// <c>sockit listen PORT</c>: netcat's server mode, the lesson's server (bind, listen, accept, recv, sendall, close).
/// Binds loopback unless <c>--bind</c> says otherwise; prints what arrives, sends stdin to the peer;
/// <c>--echo</c> and <c>--reply TEXT</c> answer each message (and print nothing of it); <c>-k</c> serves many clients at once.
/// Everything it prints goes through bounded writers (<see cref="BoundedConsoleWriter"/>), so no client waits for the
/// console: what only shows (lines, hex dumps) is dropped when the reader is slow, the data itself (netcat's stdout) waits.
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
        var echo = new Option<bool>("--echo") { Description = "Send every byte back to whoever sent it, and print none of it: stdout stays empty (--hex dumps it on stderr, -vv counts it)" };
        var reply = new Option<string?>("--reply") { Description = "Answer each message with TEXT, as the lesson's server (\"Yes, I can hear you.\"); print nothing of it, as --echo", HelpName = "TEXT" };
        var maxClients = new Option<int?>("--max-clients") { Description = "With -k, serve at most N clients at once; more are closed at once", HelpName = "N" };
        var idleTimeout = Duration.Option("--idle-timeout", "Close a client silent this long: 500ms, 2s, 1m or seconds (one client without -k: exit 75; UDP: stop)");
        var hex = new Option<bool>("--hex") { Description = "Dump both directions to stderr as hex (> sent, < received; with -k or -u each peer's chunks under a '== PEER' line)" };
        var tls = new Option<bool>("--tls") { Description = "Serve TLS (ncat's --ssl) with --cert/--key, or a new self-signed certificate whose SHA-256 fingerprint is printed on stderr" };
        var tlsFlags = new TlsFlags();
        var execFlags = new ExecFlags();
        var verbose = ListenVerbosity.Create();
        var netcatFlags = new NetcatFlags();

        var command = new Command("listen", "Listen on PORT, print what arrives and send stdin back (netcat's server; the lesson's server)")
        {
            port, bind, udp, unix, keepOpen, echo, reply, maxClients, idleTimeout, hex, tls, tlsFlags.Cert, tlsFlags.Key, verbose, execFlags.Exec, execFlags.ShExec,
        };
        netcatFlags.Listen.ToList().ForEach(command.Options.Add);
        CommandAction.Set(command, console, async (parseResult, cancellationToken) =>
        {
            var arguments = Parse(parseResult);
            var listenerOptions = arguments.UnixPath is not null
                ? new ListenerOptions { Transport = Transport.Unix, UnixPath = arguments.UnixPath }
                : new ListenerOptions
                {
                    Transport = arguments.Udp ? Transport.Udp : Transport.Tcp,
                    Address = await BindAddressAsync(arguments.Bind, cancellationToken).ConfigureAwait(false),
                    Port = NetcatArguments.Port(arguments.Port!, arguments.Udp ? "udp" : "tcp"),
                };
            if (parseResult.GetValue(tls))
            {
                listenerOptions = listenerOptions with { Tls = ListenTls.Options(tlsFlags.ServerCertificate(parseResult), listenerOptions.Address) };
            }
            // Nothing the server prints is waited for: one queue a stream, drained by a thread of its own.
            var output = new BoundedConsoleWriter(console.OutputStream,
                arguments.Format == OutputFormat.Json ? NetcatJsonRenderer.DroppedNotice : BoundedConsoleWriter.TextNotice);
            var error = new BoundedConsoleWriter(console.ErrorStream, BoundedConsoleWriter.TextNotice);
            // Several peers at once (-k, UDP): name each in the dump. One client: the same dump as connect's.
            var renderer = NetcatRenderer.For(arguments.Format, console, arguments.Hex, namePeers: arguments.KeepOpen || arguments.Udp, output, error);
            renderer.ConnectionLines = arguments.ConnectionLines;
            renderer.TrafficSummary = arguments.TrafficSummary;
            try
            {
                return arguments.Exec is { } exec ? await NetcatExec.ListenAsync(renderer, arguments, exec, listenerOptions, cancellationToken).ConfigureAwait(false)
                    : arguments.RelaysOne
                    ? await RelayOneAsync(console, renderer, listenerOptions, arguments.IdleTimeout, arguments.Netcat, cancellationToken).ConfigureAwait(false)
                    : await ServeAsync(console, renderer, arguments, listenerOptions, cancellationToken).ConfigureAwait(false);
            }
            catch (SockitException e)
            {
                renderer.Failed(e);
                throw;
            }
            finally
            {
                // What is queued is written before the command's last words (a failure's line goes straight to stderr).
                await output.DisposeAsync().ConfigureAwait(false);
                await error.DisposeAsync().ConfigureAwait(false);
            }
        });
        return command;

        ListenArguments Parse(ParseResult parseResult)
        {
            var unixPath = parseResult.GetValue(unix);
            var portText = parseResult.GetValue(port);
            var isUdp = parseResult.GetValue(udp);
            var replyText = parseResult.GetValue(reply);
            var isEcho = parseResult.GetValue(echo);
            var bindAddress = parseResult.GetValue(bind);
            if (isEcho && replyText is not null)
            {
                throw CliException.Usage("give --echo or --reply TEXT, not both");
            }
            if (unixPath is not null && (portText is not null || isUdp || bindAddress is not null))
            {
                throw CliException.Usage("-U PATH takes no PORT, --bind or -u (sockit listen -U /tmp/socket)");
            }
            if (unixPath is null && portText is null)
            {
                throw CliException.Usage("give a port to listen on (sockit listen 8000; 0 for a free one) or -U PATH");
            }
            if (unixPath is not null)
            {
                NetcatArguments.UnixPath(unixPath);
            }
            if (bindAddress is not null && bindAddress.Trim().Length == 0)
            {
                throw CliException.Usage("--bind is empty: give an address (127.0.0.1, 0.0.0.0 for every interface, ::)");
            }
            if (!parseResult.GetValue(tls) && (parseResult.GetResult(tlsFlags.Cert) is { Implicit: false } || parseResult.GetResult(tlsFlags.Key) is { Implicit: false }))
            {
                throw CliException.Usage("--cert and --key go with --tls (sockit listen --tls --cert FILE --key FILE 8443)");
            }
            if (parseResult.GetValue(tls) && isUdp)
            {
                throw CliException.Usage("--tls needs a stream socket: drop -u (DTLS is not supported)");
            }
            if (execFlags.Given(parseResult) && (isEcho || replyText is not null || isUdp))
            {
                throw CliException.Usage("--exec and --sh-exec need a stream socket and nobody else answering: drop --echo, --reply and -u");
            }
            if (parseResult.GetValue(maxClients) is < 1)
            {
                throw CliException.Usage("--max-clients takes a number of clients, 1 or more");
            }
            return new ListenArguments(
                portText,
                bindAddress,
                unixPath,
                isUdp,
                parseResult.GetValue(keepOpen),
                isEcho,
                replyText,
                parseResult.GetValue(maxClients),
                parseResult.GetValue(idleTimeout),
                parseResult.GetValue(hex),
                parseResult.GetValue(GlobalOptions.Format),
                parseResult.GetValue(verbose))
            {
                Exec = execFlags.Command(parseResult),
                Netcat = netcatFlags.Read(parseResult),
            };
        }
    }

    /// <summary>netcat without -k: accept one client, stop listening, relay stdin and stdout with it until both ends are done.</summary>
    private static async Task<int> RelayOneAsync(CliConsole console, NetcatRenderer renderer, ListenerOptions listenerOptions, TimeSpan? idle, NetcatFlagValues netcat, CancellationToken cancellationToken)
    {
        Connection connection;
        await using (var listener = Listener.Bind(listenerOptions))
        {
            renderer.Listening(listener, null);
            connection = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
        }
        await using (connection)
        {
            renderer.Connected(connection, accepted: true);
            var peer = connection.RemoteEndPoint;
            var relayOptions = netcat.Apply(new RelayOptions
            {
                StopWhenPeerCloses = console.InputIsTerminal,
                IdleTimeout = idle,
                Observer = renderer.WantsData ? (direction, data) => renderer.Data(peer, direction, data.Span) : null,
            });
            var result = await Relay.RunAsync(connection, netcat.Input(console.Input), renderer.Output, relayOptions, cancellationToken).ConfigureAwait(false);
            renderer.Closed(connection, result);
        }
        return ExitCodes.Ok;
    }

    /// <summary>-k, UDP, --echo, --reply: a server that serves until its clients are done (or Ctrl-C with -k).</summary>
    private static async Task<int> ServeAsync(CliConsole console, NetcatRenderer renderer, ListenArguments arguments, ListenerOptions listenerOptions, CancellationToken cancellationToken)
    {
        var serverOptions = new ServerOptions
        {
            KeepOpen = arguments.KeepOpen,
            MaxClients = arguments.MaxClients,
            IdleTimeout = arguments.IdleTimeout,
            // A server that answers by itself only shows what it gets (dropped for a slow reader); a sink's stdout is the data,
            // unless --send-only: then what clients send is read and thrown away.
            Received = arguments.Mode is not null && renderer.WantsData ? renderer.Received : null,
            Consume = arguments.Mode is null && !arguments.Netcat.SendOnly ? renderer.ConsumeAsync : null,
            Sent = renderer.WantsData ? (peer, data) => renderer.Data(peer, RelayDirection.Sent, data.Span) : null,
            Events = renderer.ServerEvent,
        };
        await using var server = arguments.Echo ? EchoServer.Start(listenerOptions, serverOptions)
            : arguments.Reply is not null ? ReplyServer.Start(arguments.Reply, listenerOptions, serverOptions)
            : Server.Start(listenerOptions, serverOptions);
        renderer.Listening(server.Listener, arguments.Mode);
        if (arguments.Mode is null && !arguments.Netcat.RecvOnly)
        {
            // stdin goes to every client (UDP: every peer heard from); it is not awaited, a terminal's read cannot be cancelled.
            _ = BroadcastInputAsync(arguments.Netcat.Input(console.Input), server, cancellationToken);
        }
        await server.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static async Task BroadcastInputAsync(Stream input, Server server, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(65507);
        try
        {
            int n;
            while ((n = await input.ReadAsync(buffer.AsMemory(0, 65507), cancellationToken).ConfigureAwait(false)) > 0)
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
}
