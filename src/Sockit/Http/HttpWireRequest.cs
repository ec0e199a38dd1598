namespace Sockit.Http;

/// <summary>An HTTP/1.x request to send over a raw connection: method, absolute http or https URL, version and extra header fields.</summary>
public sealed class HttpWireRequest
{
    /// <summary>Creates a request for <paramref name="url"/>, which must be an absolute <c>http://</c> or <c>https://</c> URL.</summary>
    public HttpWireRequest(Uri url, string method = "GET")
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentException.ThrowIfNullOrEmpty(method);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"only absolute http:// and https:// URLs are supported, not '{url}'", nameof(url));
        }
        if (!HttpSyntax.IsToken(System.Text.Encoding.ASCII.GetBytes(method)))
        {
            throw new ArgumentException($"'{method}' is not a valid HTTP method (RFC 9110 section 9: a token)", nameof(method));
        }
        Url = url;
        Method = method;
    }

    /// <summary>The URL; its host and port are where the request goes, its path and query the request target.</summary>
    public Uri Url { get; }

    /// <summary>The method, e.g. <c>GET</c> or <c>HEAD</c>.</summary>
    public string Method { get; }

    /// <summary>The HTTP version of the request line: 1.1 (the default) or 1.0.</summary>
    public Version Version { get; init; } = new(1, 1);

    /// <summary>The User-Agent field value. Default <c>sockit/VERSION</c>.</summary>
    public string UserAgent { get; init; } = "sockit/" + (typeof(HttpWireRequest).Assembly.GetName().Version?.ToString(3) ?? "0");

    /// <summary>
    /// Extra header fields, sent after Host, User-Agent, Accept and Connection. A field with the name of one of those
    /// replaces it in place (as curl's <c>-H</c> does).
    /// </summary>
    public IReadOnlyList<HttpHeaderField> Headers { get; init; } = [];

    /// <summary>
    /// The content to send after the head, byte for byte, with a Content-Length (unless <see cref="Headers"/> give one);
    /// null (the default) for none. An empty body still sends <c>Content-Length: 0</c>.
    /// </summary>
    public ReadOnlyMemory<byte>? Body { get; init; }

    /// <summary>The request target in origin-form (RFC 9112 section 3.2.1): path and query, <c>/</c> at least.</summary>
    public string Target => string.IsNullOrEmpty(Url.PathAndQuery) ? "/" : Url.PathAndQuery;
}
