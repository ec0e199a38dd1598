using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;

namespace Sockit.Tests.Fuzz;

/// <summary>
/// An independent reference for the chunked coding, written from the grammar of RFC 9112 section 7.1 over the whole
/// input at once (regular expressions, no state machine), with the documented limits: a line longer than
/// <c>maxLine</c> bytes without its CRLF, or a trailer section larger than <c>maxSection</c> bytes, is refused as soon
/// as it cannot fit any more; a bare CR inside a line is refused (section 2.2); a bare LF ends a line.
/// </summary>
internal static partial class ChunkedReference
{
    // tchar (RFC 9110 5.6.2), qdtext and quoted-pair (5.6.4), over Latin-1 text.
    private const string Token = @"[!#$%&'*+\-.^_`|~0-9A-Za-z]+";
    private const string Quoted = "\"(?:[\\t \\x21\\x23-\\x5B\\x5D-\\x7E\\x80-\\xFF]|\\\\[\\t \\x21-\\x7E\\x80-\\xFF])*\"";

    /// <summary>Complete (with where it ended), incomplete (all input used, more wanted) or refused.</summary>
    public enum Kind
    {
        Complete,
        Incomplete,
        Refused,
    }

    public sealed record Result(Kind Kind, string Body, string Trailers, int End);

    public static Result Decode(byte[] input, int maxLine, int maxSection)
    {
        var body = new StringBuilder();
        var pos = 0;
        while (true)
        {
            var (kind, line, next) = TakeLine(input, pos, maxLine, sectionStart: pos, maxSection: maxLine + 2);
            if (kind != Kind.Complete)
            {
                return new Result(kind, body.ToString(), "", 0);
            }
            if (!ChunkSizeLine().IsMatch(line))
            {
                return new Result(Kind.Refused, body.ToString(), "", 0);
            }
            var digits = HexDigits().Match(line).Value;
            var size = BigInteger.Parse("0" + digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            if (size > long.MaxValue)
            {
                return new Result(Kind.Refused, body.ToString(), "", 0);
            }
            pos = next;
            if (size == 0)
            {
                return Trailers(input, pos, maxLine, maxSection, body.ToString());
            }
            var available = (int)BigInteger.Min(size, input.Length - pos);
            body.Append(Encoding.Latin1.GetString(input, pos, available));
            pos += available;
            if (available < size || pos == input.Length)
            {
                return new Result(Kind.Incomplete, body.ToString(), "", 0);
            }
            // chunk-data CRLF (or a bare LF).
            if (input[pos] == '\r')
            {
                pos++;
                if (pos == input.Length)
                {
                    return new Result(Kind.Incomplete, body.ToString(), "", 0);
                }
            }
            if (input[pos] != '\n')
            {
                return new Result(Kind.Refused, body.ToString(), "", 0);
            }
            pos++;
        }
    }

    private static Result Trailers(byte[] input, int pos, int maxLine, int maxSection, string body)
    {
        var trailers = new List<string>();
        var start = pos;
        while (true)
        {
            var (kind, line, next) = TakeLine(input, pos, maxLine, start, maxSection);
            if (kind != Kind.Complete)
            {
                return new Result(kind, body, "", 0);
            }
            pos = next;
            if (line.Length == 0)
            {
                return new Result(Kind.Complete, body, string.Join(';', trailers), pos);
            }
            var field = FieldLine().Match(line);
            if (!field.Success)
            {
                return new Result(Kind.Refused, body, "", 0);
            }
            trailers.Add($"{field.Groups[1].Value}: {field.Groups[2].Value.Trim(' ', '\t')}");
        }
    }

    // One line from pos: its text without CRLF (or LF), and where the next begins.
    private static (Kind Kind, string Line, int Next) TakeLine(byte[] input, int pos, int maxLine, int sectionStart, int maxSection)
    {
        var lf = Array.IndexOf(input, (byte)'\n', pos);
        if (lf < 0)
        {
            // Unfinished: refused once it is too long even if a CRLF came next.
            var partial = input.Length - pos;
            return partial > maxLine + 1 || input.Length - sectionStart > maxSection ? (Kind.Refused, "", 0) : (Kind.Incomplete, "", 0);
        }
        var end = lf > pos && input[lf - 1] == '\r' ? lf - 1 : lf;
        var line = Encoding.Latin1.GetString(input, pos, end - pos);
        if (line.Length > maxLine || lf + 1 - sectionStart > maxSection || line.Contains('\r', StringComparison.Ordinal))
        {
            return (Kind.Refused, "", 0);
        }
        return (Kind.Complete, line, lf + 1);
    }

    // chunk-size [ chunk-ext ], chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
    [GeneratedRegex(@"\A[0-9A-Fa-f]+(?:[ \t]*;[ \t]*" + Token + @"(?:[ \t]*=[ \t]*(?:" + Token + "|" + Quoted + @"))?)*\z")]
    private static partial Regex ChunkSizeLine();

    [GeneratedRegex(@"\A[0-9A-Fa-f]+")]
    private static partial Regex HexDigits();

    // field-name ":" OWS field-value OWS, field-value without controls but HTAB (RFC 9110 5.5).
    [GeneratedRegex(@"\A(" + Token + @"):([\t\x20-\x7E\x80-\xFF]*)\z")]
    private static partial Regex FieldLine();
}
