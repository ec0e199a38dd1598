using System.Net;
using Sockit.Connections;

namespace Sockit.Servers;

/// <summary>How a <see cref="Server"/> serves. The defaults: many clients at once, no limit, no idle timeout, no answers.</summary>
public sealed record ServerOptions
{
    /// <summary>Serve client after client, many at once (<c>--keep-open</c>). False: the first client only, then stop. Default true. UDP always serves every peer.</summary>
    public bool KeepOpen { get; init; } = true;

    /// <summary>At most this many clients at once; one more is accepted and closed at once. Default null: no limit.</summary>
    public int? MaxClients { get; init; }

    /// <summary>Close a client that has sent nothing for this long. For UDP, stop when no datagram has come for this long. Default null: never.</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>
    /// The answer to one message, or null for none. A TCP "message" is what arrived together (one read, plus whatever
    /// was already waiting); a UDP message is one datagram, answered to its sender's address. The message's memory is
    /// valid only during the call; the answer must stay valid until it is sent (return the message itself to echo it).
    /// Called from any client's task, possibly at the same time. Default null: answer nothing.
    /// </summary>
    public Func<ReadOnlyMemory<byte>, ReadOnlyMemory<byte>?>? Respond { get; init; }

    /// <summary>Close a TCP or Unix client once it has been answered (the lesson's server: one exchange, then close). Default false.</summary>
    public bool CloseAfterResponse { get; init; }

    /// <summary>
    /// Sees every message that arrives, with its sender (e.g. to print it), before it is consumed and answered. An
    /// observer: it must return at once and never block, for it runs on the client's own loop; to print, hand the bytes
    /// to a queue of your own (that may drop when its reader is slow). Called for each client from that client's loop,
    /// so calls for different clients may run at the same time. The memory is valid only during the call. An exception
    /// thrown here stops the server and faults <see cref="Server.Completion"/>. Default null.
    /// </summary>
    public Action<EndPoint, ReadOnlyMemory<byte>>? Received { get; init; }

    /// <summary>
    /// Where the messages go when they are the point (a sink: netcat's listen writes them to stdout). Awaited before
    /// the client is read again, so a slow consumer slows the sender (TCP backpressure), and only that sender: calls for
    /// different clients may run at the same time, so a consumer that writes to one stream takes turns itself. (UDP has
    /// one socket: there a slow consumer slows every peer.) The memory is valid until the returned task completes. An
    /// exception thrown here stops the server and faults <see cref="Server.Completion"/>. Default null: nothing consumes.
    /// </summary>
    public Func<EndPoint, ReadOnlyMemory<byte>, CancellationToken, ValueTask>? Consume { get; init; }

    /// <summary>
    /// Sees every chunk the server sends (an echo, a reply, a broadcast), with its recipient, just before it is sent
    /// (e.g. for a hex dump). Like <see cref="Received"/>, an observer that must not block, called from any client's
    /// loop, possibly at the same time; the memory is valid only during the call. Default null.
    /// </summary>
    public Action<EndPoint, ReadOnlyMemory<byte>>? Sent { get; init; }

    /// <summary>
    /// Takes over each accepted TCP or Unix client (after its TLS handshake, if any) instead of the message loop:
    /// <see cref="Respond"/>, <see cref="Received"/> and <see cref="CloseAfterResponse"/> are not used for it, and the
    /// connection is closed when the handler returns (e.g. to run a program per client). Called from any client's task,
    /// possibly at the same time; <see cref="MaxClients"/> still counts these clients. A <see cref="SockitException"/>
    /// ends that client with a failed event; any other exception stops the server and faults <see cref="Server.Completion"/>.
    /// Default null: the message loop.
    /// </summary>
    public Func<Connection, CancellationToken, ValueTask>? Handler { get; init; }

    /// <summary>
    /// Hears of clients coming and going (connected, closed, rejected, idle, failed) and of accepting pausing for want of
    /// file descriptors. Called from any client's loop, possibly at the same time; like <see cref="Received"/>, it must
    /// not block. Default null.
    /// </summary>
    public Action<ServerEvent>? Events { get; init; }
}
