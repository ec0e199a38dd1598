using System.Text;

namespace Sockit.Servers;

/// <summary>
/// The lesson's server: answers each message with the same reply ("Hey, can you hear me?" → "Yes, I can hear you.").
/// A TCP message is what arrives together; a UDP message is one datagram, answered to its sender's address.
/// With <c>closeAfterReply</c> it closes each client once answered, as the lesson's server does.
/// </summary>
public sealed class ReplyServer : Server
{
    private readonly ReadOnlyMemory<byte> _reply;
    private readonly bool _closeAfterReply;

    private ReplyServer(Listener listener, ReadOnlyMemory<byte> reply, bool closeAfterReply, ServerOptions? options)
        : base(listener, options)
    {
        _reply = reply;
        _closeAfterReply = closeAfterReply;
    }

    /// <summary>The bytes sent in answer to each message.</summary>
    public ReadOnlyMemory<byte> Reply => _reply;

    /// <summary>The lesson's exchange: what its server answers.</summary>
    public const string LessonReply = "Yes, I can hear you.";

    /// <summary>Binds (default: TCP on 127.0.0.1, a free port) and starts answering every message with <paramref name="reply"/>.</summary>
    public static ReplyServer Start(ReadOnlyMemory<byte> reply, ListenerOptions? listenerOptions = null, ServerOptions? options = null, bool closeAfterReply = false)
    {
        var server = new ReplyServer(Listener.Bind(listenerOptions ?? new ListenerOptions()), reply.ToArray(), closeAfterReply, options);
        server.Begin();
        return server;
    }

    /// <summary>As <see cref="Start(ReadOnlyMemory{byte}, ListenerOptions?, ServerOptions?, bool)"/>, with the reply as UTF-8 text.</summary>
    public static ReplyServer Start(string reply, ListenerOptions? listenerOptions = null, ServerOptions? options = null, bool closeAfterReply = false)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return Start(Encoding.UTF8.GetBytes(reply), listenerOptions, options, closeAfterReply);
    }

    /// <inheritdoc />
    protected override ReadOnlyMemory<byte>? Respond(ReadOnlyMemory<byte> message) => _reply;

    /// <inheritdoc />
    protected override bool CloseAfterResponse => _closeAfterReply;
}
