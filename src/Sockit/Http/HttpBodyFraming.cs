namespace Sockit.Http;

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
