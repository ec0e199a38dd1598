namespace Sockit.Servers;

/// <summary>
/// An echo server (RFC 862, on any port): sends every byte back to whoever sent it, TCP, UDP (to each peer by its
/// address) or Unix. Port 0 gives a free port: <c>await using var echo = EchoServer.Start(new ListenerOptions());</c>
/// then connect to <see cref="Server.Port"/>.
/// </summary>
public sealed class EchoServer : Server
{
    private EchoServer(Listener listener, ServerOptions? options)
        : base(listener, options)
    {
    }

    /// <summary>Binds (default: TCP on 127.0.0.1, a free port) and starts echoing.</summary>
    public static new EchoServer Start(ListenerOptions? listenerOptions = null, ServerOptions? options = null)
    {
        var server = new EchoServer(Listener.Bind(listenerOptions ?? new ListenerOptions()), options);
        server.Begin();
        return server;
    }

    /// <inheritdoc />
    protected override ReadOnlyMemory<byte>? Respond(ReadOnlyMemory<byte> message) => message;
}
