namespace Sockit.Http;

/// <summary>Character classes of RFC 9110 section 5.6 and 9112 section 2.</summary>
internal static class HttpSyntax
{
    // tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA (RFC 9110 5.6.2)
    public static bool IsTokenChar(byte b) =>
        char.IsAsciiLetterOrDigit((char)b) || b is (byte)'!' or (byte)'#' or (byte)'$' or (byte)'%' or (byte)'&' or (byte)'\''
            or (byte)'*' or (byte)'+' or (byte)'-' or (byte)'.' or (byte)'^' or (byte)'_' or (byte)'`' or (byte)'|' or (byte)'~';

    public static bool IsToken(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty)
        {
            return false;
        }
        foreach (var b in value)
        {
            if (!IsTokenChar(b))
            {
                return false;
            }
        }
        return true;
    }

    // field-value = *( VCHAR / obs-text / SP / HTAB ) (RFC 9110 5.5): no NUL, CR, LF or other controls.
    public static bool IsFieldValue(ReadOnlySpan<byte> value)
    {
        foreach (var b in value)
        {
            if ((b < 0x20 && b != '\t') || b == 0x7F)
            {
                return false;
            }
        }
        return true;
    }

    public static bool IsOws(byte b) => b is (byte)' ' or (byte)'\t';

    // OWS = *( SP / HTAB ) (RFC 9110 5.6.3)
    public static ReadOnlySpan<byte> TrimOws(ReadOnlySpan<byte> value)
    {
        var start = 0;
        while (start < value.Length && IsOws(value[start]))
        {
            start++;
        }
        var end = value.Length;
        while (end > start && IsOws(value[end - 1]))
        {
            end--;
        }
        return value[start..end];
    }

    /// <summary>A line's bytes for an error message: printable ASCII as is, the rest as \xNN, cut at 60 characters.</summary>
    public static string Show(ReadOnlySpan<byte> line)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var b in line[..Math.Min(line.Length, 60)])
        {
            if (b is >= 0x20 and < 0x7F)
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{b:x2}");
            }
        }
        if (line.Length > 60)
        {
            sb.Append("...");
        }
        return sb.ToString();
    }
}
