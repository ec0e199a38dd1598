using System.Text;

namespace Sockit.Http;

/// <summary>A response's status line (RFC 9112 section 4): <c>HTTP/1.1 200 OK</c>.</summary>
/// <param name="Version">The HTTP version the server speaks: 1.0 or 1.1.</param>
/// <param name="StatusCode">The three-digit status code, 100 to 599 (RFC 9110 section 15).</param>
/// <param name="ReasonPhrase">The reason phrase, possibly empty; clients ignore it (RFC 9112 section 4).</param>
public readonly record struct HttpStatusLine(Version Version, int StatusCode, string ReasonPhrase)
{
    /// <summary>
    /// Parses a status line without its CRLF: <c>HTTP-version SP status-code SP [ reason-phrase ]</c> (RFC 9112 section 4),
    /// where <c>HTTP-version = "HTTP/" DIGIT "." DIGIT</c> (section 2.3) and the major version must be 1.
    /// A missing SP after the code, as some servers send, is accepted.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out HttpStatusLine statusLine)
    {
        statusLine = default;
        // "HTTP/" DIGIT "." DIGIT SP 3DIGIT = 12 bytes at least.
        if (line.Length < 12 || !line.StartsWith("HTTP/"u8) || line[5] != '1' || line[6] != '.' || !char.IsAsciiDigit((char)line[7]) || line[8] != ' ')
        {
            return false;
        }
        if (!char.IsAsciiDigit((char)line[9]) || !char.IsAsciiDigit((char)line[10]) || !char.IsAsciiDigit((char)line[11]))
        {
            return false;
        }
        var code = ((line[9] - '0') * 100) + ((line[10] - '0') * 10) + (line[11] - '0');
        if (code is < 100 or > 599)
        {
            return false;
        }
        var reason = ReadOnlySpan<byte>.Empty;
        if (line.Length > 12)
        {
            if (line[12] != ' ')
            {
                return false;
            }
            // reason-phrase = 1*( HTAB / SP / VCHAR / obs-text )
            reason = line[13..];
            if (!HttpSyntax.IsFieldValue(reason))
            {
                return false;
            }
        }
        statusLine = new HttpStatusLine(new Version(1, line[7] - '0'), code, Encoding.Latin1.GetString(reason));
        return true;
    }

    /// <summary>The line as it goes on the wire, without CRLF.</summary>
    public override string ToString() => ReasonPhrase.Length == 0
        ? $"HTTP/{Version.Major}.{Version.Minor} {StatusCode}"
        : $"HTTP/{Version.Major}.{Version.Minor} {StatusCode} {ReasonPhrase}";
}
