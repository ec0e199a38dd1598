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

/// <summary>How the length of a response body is determined (RFC 9112 section 6.3).</summary>
public enum HttpBodyFraming
{
    /// <summary>Not known yet: the final head has not been read.</summary>
    Unknown,
    /// <summary>No body: a response to HEAD, or a 204 or 304 (6.3 rule 1).</summary>
    None,
    /// <summary>The chunked transfer coding (RFC 9112 section 7.1; 6.3 rule 4).</summary>
    Chunked,
    /// <summary>Exactly Content-Length bytes (6.3 rule 6).</summary>
    ContentLength,
    /// <summary>Until the server closes the connection (6.3 rules 4 and 8).</summary>
    UntilClose,
}
