namespace Sockit.Http;

/// <summary>A response head: the status line and the header fields in the order received (RFC 9112 sections 4 and 5).</summary>
public sealed class HttpResponseHead
{
    /// <summary>Creates a head.</summary>
    public HttpResponseHead(HttpStatusLine statusLine, IReadOnlyList<HttpHeaderField> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        StatusLine = statusLine;
        Headers = headers;
    }

    /// <summary>The status line.</summary>
    public HttpStatusLine StatusLine { get; }

    /// <summary>The HTTP version of the response, 1.0 or 1.1.</summary>
    public Version Version => StatusLine.Version;

    /// <summary>The status code, e.g. 200.</summary>
    public int StatusCode => StatusLine.StatusCode;

    /// <summary>The reason phrase, e.g. <c>OK</c> (possibly empty).</summary>
    public string ReasonPhrase => StatusLine.ReasonPhrase;

    /// <summary>Whether this is an interim (1xx) response (RFC 9110 section 15.2).</summary>
    public bool IsInterim => StatusCode is >= 100 and < 200;

    /// <summary>The header fields, in the order received, names as sent.</summary>
    public IReadOnlyList<HttpHeaderField> Headers { get; }

    /// <summary>Every value of the field <paramref name="name"/> (case-insensitive), in order.</summary>
    public IEnumerable<string> GetValues(string name) =>
        Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value);

    /// <summary>The first value of the field <paramref name="name"/> (case-insensitive), or null.</summary>
    public string? GetValue(string name) => GetValues(name).FirstOrDefault();

    /// <summary>The head as it goes on the wire: the status line and every field, each ending in CRLF, then the empty line.</summary>
    public string Format() => $"{StatusLine}\r\n{HttpHeaderField.FormatSection(Headers)}";

    /// <summary>The status line.</summary>
    public override string ToString() => StatusLine.ToString();
}
