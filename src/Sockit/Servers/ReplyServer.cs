using System.Text;

namespace Sockit.Servers;

/// <summary>
/// The lesson's server: a <see cref="Server"/> whose <see cref="ServerOptions.Respond"/> answers each message with the
/// same reply ("Hey, can you hear me?" → "Yes, I can hear you."). A TCP message is what arrives together; a UDP message
/// is one datagram, answered to its sender's address. With <c>closeAfterReply</c> it closes each client once answered,
/// as the lesson's server does.
/// </summary>
public static class ReplyServer
{
    /// <summary>The lesson's exchange: what its server answers.</summary>
    public const string LessonReply = "Yes, I can hear you.";

    /// <summary>
    /// Binds (default: TCP on 127.0.0.1, a free port) and starts answering every message with <paramref name="reply"/>;
    /// <paramref name="options"/>' own <see cref="ServerOptions.Respond"/> and <see cref="ServerOptions.CloseAfterResponse"/> are replaced.
    /// </summary>
    public static Server Start(ReadOnlyMemory<byte> reply, ListenerOptions? listenerOptions = null, ServerOptions? options = null, bool closeAfterReply = false)
    {
        ReadOnlyMemory<byte> answer = reply.ToArray(); // the caller may reuse its buffer
        return Server.Start(listenerOptions, (options ?? new ServerOptions()) with { Respond = _ => answer, CloseAfterResponse = closeAfterReply });
    }

    /// <summary>As <see cref="Start(ReadOnlyMemory{byte}, ListenerOptions?, ServerOptions?, bool)"/>, with the reply as UTF-8 text.</summary>
    public static Server Start(string reply, ListenerOptions? listenerOptions = null, ServerOptions? options = null, bool closeAfterReply = false)
    {
        ArgumentNullException.ThrowIfNull(reply);
        return Start(Encoding.UTF8.GetBytes(reply), listenerOptions, options, closeAfterReply);
    }
}
