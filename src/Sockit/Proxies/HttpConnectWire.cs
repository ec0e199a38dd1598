using System.Text;
using Sockit.Http;

namespace Sockit.Proxies;

/// <summary>
/// HTTP CONNECT's request and reply head as bytes (RFC 9110 section 9.3.6, RFC 9112), with no I/O. A reply head that
/// is not HTTP throws <see cref="InvalidDataException"/> saying how.
/// </summary>
internal static class HttpConnectWire
{
    /// <summary>The most a reply head may take, status line to empty line; a longer one is not a proxy's answer.</summary>
    public const int MaxReplyHeadLength = 16 * 1024;

    /// <summary>
    /// <c>CONNECT host:port HTTP/1.1</c>, <c>Host: host:port</c>, and with a username <c>Proxy-Authorization: Basic</c>
    /// (RFC 7617: base64 of <c>user:password</c> in UTF-8), then the empty line.
    /// </summary>
    public static byte[] WriteRequest(string authority, string? userName, string? password)
    {
        var text = new StringBuilder()
            .Append("CONNECT ").Append(authority).Append(" HTTP/1.1\r\n")
            .Append("Host: ").Append(authority).Append("\r\n");
        if (userName is not null)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}"));
            text.Append("Proxy-Authorization: Basic ").Append(credentials).Append("\r\n");
        }
        return Encoding.ASCII.GetBytes(text.Append("\r\n").ToString());
    }

    /// <summary>
    /// How many more bytes may be read without reading past the head's end, given the head so far: 4 when it does not
    /// end in part of CRLF CRLF, fewer when it does (1 after CR LF CR), 0 when the head is complete.
    /// </summary>
    public static int SafeReadLength(ReadOnlySpan<byte> headSoFar)
    {
        if (headSoFar.EndsWith("\r\n\r\n"u8))
        {
            return 0;
        }
        if (headSoFar.EndsWith("\r\n\r"u8))
        {
            return 1;
        }
        if (headSoFar.EndsWith("\r\n"u8))
        {
            return 2;
        }
        return headSoFar.EndsWith("\r"u8) ? 3 : 4;
    }

    /// <summary>
    /// Whether the head so far can still become an HTTP reply: null while it can, else why not. A proxy that answers
    /// in another protocol (an SSH banner, a SOCKS reply) is told apart at its first bytes, not after a timeout; so is
    /// a line ended by LF alone among the bytes from <paramref name="newFrom"/> on (the ones just read).
    /// </summary>
    public static string? CheckStart(ReadOnlySpan<byte> headSoFar, int newFrom)
    {
        for (var i = Math.Max(newFrom, 0); i < headSoFar.Length; i++)
        {
            if (headSoFar[i] == (byte)'\n' && (i == 0 || headSoFar[i - 1] != (byte)'\r'))
            {
                return "a line of its reply ends in LF without CR";
            }
        }
        var prefix = "HTTP/"u8;
        var compared = Math.Min(headSoFar.Length, prefix.Length);
        if (!headSoFar[..compared].SequenceEqual(prefix[..compared]))
        {
            return $"'{HttpSyntax.Show(headSoFar)}' is not an HTTP reply";
        }
        var lineEnd = headSoFar.IndexOf("\r\n"u8);
        return lineEnd >= 0 && !HttpStatusLine.TryParse(headSoFar[..lineEnd], out _)
            ? $"'{HttpSyntax.Show(headSoFar[..lineEnd])}' is not an HTTP status line"
            : null;
    }

    /// <summary>The status line of a complete head (ending CRLF CRLF), each field line checked as RFC 9112 section 5 says.</summary>
    public static HttpStatusLine ReadReplyHead(ReadOnlySpan<byte> head)
    {
        var end = head.IndexOf("\r\n"u8);
        if (!HttpStatusLine.TryParse(head[..end], out var status))
        {
            throw new InvalidDataException($"'{HttpSyntax.Show(head[..end])}' is not an HTTP status line");
        }
        var rest = head[(end + 2)..^2];
        while (!rest.IsEmpty)
        {
            var lineEnd = rest.IndexOf("\r\n"u8);
            var line = rest[..lineEnd];
            if (line.IndexOf((byte)'\n') >= 0 || !HttpHeaderField.TryParse(line, out _) || line[0] is (byte)' ' or (byte)'\t')
            {
                throw new InvalidDataException($"'{HttpSyntax.Show(line)}' in its reply is not a header field");
            }
            rest = rest[(lineEnd + 2)..];
        }
        return status;
    }
}
