using System.Text;

namespace Sockit.Http;

/// <summary>
/// Writes a request as it goes on the wire (RFC 9112 sections 3 and 5): the request line, <c>Host</c>,
/// <c>User-Agent</c>, <c>Accept: */*</c>, <c>Connection: close</c>, the caller's fields, <c>Content-Length</c> when
/// there is a body and the caller gave none, the empty line, and the body.
/// </summary>
public static class HttpRequestWriter
{
    /// <summary>The request's bytes, head and body. Throws <see cref="ArgumentException"/> on a field name that is not a token or a value holding CR, LF or NUL.</summary>
    public static byte[] Write(HttpWireRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fields = new List<HttpHeaderField>
        {
            // RFC 9112 3.2: a client must send Host; its value is the URL's authority (port only when not 80).
            new("Host", request.Url.Authority),
            new("User-Agent", request.UserAgent),
            new("Accept", "*/*"),
            // One request per connection: the response then may end when the server closes (6.3 rule 8).
            new("Connection", "close"),
        };
        foreach (var extra in request.Headers)
        {
            if (!HttpSyntax.IsToken(Encoding.ASCII.GetBytes(extra.Name)) || extra.Name.Any(c => c > 0x7F))
            {
                throw new ArgumentException($"'{extra.Name}' is not a valid header field name (RFC 9110 section 5.1: a token)", nameof(request));
            }
            if (extra.Value.Any(c => c is '\r' or '\n' or '\0' || c > 0xFF))
            {
                throw new ArgumentException($"the value of header '{extra.Name}' holds CR, LF, NUL or a character beyond Latin-1", nameof(request));
            }
            var index = fields.FindIndex(f => string.Equals(f.Name, extra.Name, StringComparison.OrdinalIgnoreCase));
            if (index >= 0 && index < 4)
            {
                fields[index] = extra;
            }
            else
            {
                fields.Add(extra);
            }
        }

        if (request.Body is { } content && !fields.Exists(f => string.Equals(f.Name, "Content-Length", StringComparison.OrdinalIgnoreCase)))
        {
            // RFC 9112 6.2: a request with content says where it ends; a close cannot, as it would end the response too.
            fields.Add(new("Content-Length", content.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var requestLine = $"{request.Method} {request.Target} HTTP/{request.Version.Major}.{request.Version.Minor}\r\n";
        var head = Encoding.Latin1.GetBytes(requestLine + HttpHeaderField.FormatSection(fields));
        return request.Body is { Length: > 0 } body ? [.. head, .. body.Span] : head;
    }
}
