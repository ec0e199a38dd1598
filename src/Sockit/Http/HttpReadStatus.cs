namespace Sockit.Http;

/// <summary>What one call of <see cref="HttpResponseReader.Read"/> or <see cref="ChunkedDecoder.Decode"/> produced.</summary>
public enum HttpReadStatus
{
    /// <summary>Every byte given was consumed and the message is not complete yet: feed more.</summary>
    NeedMoreData,
    /// <summary>An interim (1xx) response head was read (RFC 9110 section 15.2); the final response follows.</summary>
    InterimHead,
    /// <summary>The final response head was read: <see cref="HttpResponseReader.Head"/> and <see cref="HttpResponseReader.Framing"/> are set.</summary>
    Head,
    /// <summary>The body span holds the next bytes of the (decoded) body.</summary>
    Body,
    /// <summary>The message is complete; bytes after <c>consumed</c> do not belong to it.</summary>
    Complete,
}
