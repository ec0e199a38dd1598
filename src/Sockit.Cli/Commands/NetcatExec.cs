using Sockit.Cli.Rendering;
using Sockit.Connections;
using Sockit.Exec;
using Sockit.Servers;

namespace Sockit.Cli.Commands;

/// <summary>
/// <c>connect --exec</c> and <c>listen --exec</c> (or <c>--sh-exec</c>): the connection is a program's stdin and stdout
/// (<see cref="ProcessRelay"/>) instead of sockit's. <c>listen</c> without <c>-k</c> runs it for one client and exits
/// when both are done; with <c>-k</c> every client gets its own process, <c>--max-clients</c> at once.
/// </summary>
internal static class NetcatExec
{
    /// <summary>The mode the listening line names.</summary>
    public const string Mode = "exec";

    /// <summary>Runs <paramref name="command"/> over a connection that is up; returns when the program and the peer are done.</summary>
    public static async Task<int> RelayAsync(NetcatRenderer renderer, Connection connection, ExecCommand command, TimeSpan? idleTimeout, CancellationToken cancellationToken)
    {
        var peer = connection.RemoteEndPoint;
        var result = await ProcessRelay.RunAsync(connection, command, Options(renderer, connection, idleTimeout), cancellationToken).ConfigureAwait(false);
        renderer.Closed(connection, result.Relay);
        renderer.Exited(peer, command, result);
        return ExitCodes.Ok;
    }

    /// <summary><c>listen --exec</c>: one client (then exit 0), or with <c>-k</c> a process for each client until Ctrl-C.</summary>
    public static async Task<int> ListenAsync(NetcatRenderer renderer, ListenArguments arguments, ExecCommand command, ListenerOptions listenerOptions, CancellationToken cancellationToken)
    {
        if (!arguments.KeepOpen)
        {
            Connection connection;
            await using (var listener = Listener.Bind(listenerOptions))
            {
                renderer.Listening(listener, Mode);
                connection = await listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
            }
            await using (connection)
            {
                renderer.Connected(connection, accepted: true);
                return await RelayAsync(renderer, connection, command, arguments.IdleTimeout, cancellationToken).ConfigureAwait(false);
            }
        }
        var serverOptions = new ServerOptions
        {
            KeepOpen = true,
            MaxClients = arguments.MaxClients,
            Events = renderer.ServerEvent,
            Handler = async (connection, token) =>
            {
                var result = await ProcessRelay.RunAsync(connection, command, Options(renderer, connection, arguments.IdleTimeout), token).ConfigureAwait(false);
                renderer.Exited(connection.RemoteEndPoint, command, result);
            },
        };
        await using var server = Server.Start(listenerOptions, serverOptions);
        renderer.Listening(server.Listener, Mode);
        await server.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Ok;
    }

    private static ProcessRelayOptions Options(NetcatRenderer renderer, Connection connection, TimeSpan? idleTimeout)
    {
        var peer = connection.RemoteEndPoint;
        return new ProcessRelayOptions
        {
            Relay = new RelayOptions
            {
                IdleTimeout = idleTimeout,
                Observer = renderer.WantsData ? (direction, data) => renderer.Data(peer, direction, data.Span) : null,
            },
        };
    }
}
