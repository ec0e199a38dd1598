namespace Sockit.Servers;

/// <summary>
/// An echo server (RFC 862, on any port): a <see cref="Server"/> whose <see cref="ServerOptions.Respond"/> sends every
/// message back to whoever sent it, TCP, UDP (to each peer by its address) or Unix. Port 0 gives a free port:
/// <c>await using var echo = EchoServer.Start();</c> then connect to <see cref="Server.Port"/>.
/// </summary>
public static class EchoServer
{
    /// <summary>Binds (default: TCP on 127.0.0.1, a free port) and starts echoing; <paramref name="options"/>' own <see cref="ServerOptions.Respond"/> is replaced.</summary>
    public static Server Start(ListenerOptions? listenerOptions = null, ServerOptions? options = null) =>
        Server.Start(listenerOptions, (options ?? new ServerOptions()) with { Respond = Verbatim });

    /// <summary>The echo's answer: the message itself. Servers know it by reference, to move an echo's bytes without copying them (see SplicePipe).</summary>
    internal static Func<ReadOnlyMemory<byte>, ReadOnlyMemory<byte>?> Verbatim { get; } = static message => message;
}
