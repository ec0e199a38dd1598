namespace Sockit.Http;

/// <summary>
/// Watches an exchange of <see cref="HttpWireClient"/> as it happens: connection steps, the bytes on the wire,
/// heads as they arrive, body progress. Override what you need; every method does nothing by default and is called
/// on the exchange's own flow, so keep them short.
/// </summary>
public class HttpWireObserver
{
    /// <summary>A connection step, in words: resolving, connecting, sent, closed.</summary>
    public virtual void OnTrace(string message)
    {
    }

    /// <summary>The request's bytes, exactly as sent.</summary>
    public virtual void OnRequestSent(ReadOnlySpan<byte> request)
    {
    }

    /// <summary>Bytes exactly as they came off the wire, before any decoding.</summary>
    public virtual void OnResponseBytes(ReadOnlySpan<byte> bytes)
    {
    }

    /// <summary>
    /// Whether <see cref="OnResponseBytes"/> must see every byte of the body. True by default. An observer that ignores
    /// the body's bytes says false, and then on Linux a plain-http body with a Content-Length written to a
    /// <see cref="FileStream"/> moves from the socket to the file inside the kernel (splice), never read into the
    /// process; <see cref="OnResponseBytes"/> still sees the head and any body bytes that came with it.
    /// </summary>
    public virtual bool WantsResponseBytes => true;

    /// <summary>An interim (1xx) response head, which the exchange otherwise skips.</summary>
    public virtual void OnInterimHead(HttpResponseHead head)
    {
    }

    /// <summary>The final response head, before any body byte is written.</summary>
    public virtual void OnHead(HttpResponseHead head, HttpBodyFraming framing, long? contentLength)
    {
    }

    /// <summary>Body bytes written so far, and the total when Content-Length gave one.</summary>
    public virtual void OnBodyProgress(long received, long? expected)
    {
    }
}
