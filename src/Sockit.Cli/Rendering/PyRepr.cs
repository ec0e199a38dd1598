using System.Globalization;
using System.Text;

namespace Sockit.Cli.Rendering;

/// <summary>Python's <c>repr()</c> of the values the socket module returns: str, bytes, int, tuples, lists.</summary>
internal static class PyRepr
{
    public static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Bool(bool value) => value ? "True" : "False";

    public const string None = "None";

    /// <summary>repr(str): single quotes unless the text holds a single quote and no double quote; escapes as CPython does.</summary>
    public static string Str(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quote = value.Contains('\'', StringComparison.Ordinal) && !value.Contains('"', StringComparison.Ordinal) ? '"' : '\'';
        var sb = new StringBuilder(value.Length + 2).Append(quote);
        foreach (var rune in value.EnumerateRunes())
        {
            var v = rune.Value;
            if (v == quote || v == '\\')
            {
                sb.Append('\\').Append((char)v);
            }
            else if (v == '\t')
            {
                sb.Append("\\t");
            }
            else if (v == '\n')
            {
                sb.Append("\\n");
            }
            else if (v == '\r')
            {
                sb.Append("\\r");
            }
            else if (v < 0x20 || v == 0x7f)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{v:x2}");
            }
            else if (v < 0x7f || IsPrintable(rune))
            {
                sb.Append(rune.ToString());
            }
            else if (v <= 0xff)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{v:x2}");
            }
            else if (v <= 0xffff)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\u{v:x4}");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\U{v:x8}");
            }
        }
        return sb.Append(quote).ToString();
    }

    /// <summary>repr(bytes): b'...' with printable ASCII as is and \t \n \r \xNN for the rest.</summary>
    public static string Bytes(ReadOnlySpan<byte> value)
    {
        var quote = value.Contains((byte)'\'') && !value.Contains((byte)'"') ? '"' : '\'';
        var sb = new StringBuilder(value.Length + 3).Append('b').Append(quote);
        foreach (var b in value)
        {
            if (b == quote || b == '\\')
            {
                sb.Append('\\').Append((char)b);
            }
            else if (b == '\t')
            {
                sb.Append("\\t");
            }
            else if (b == '\n')
            {
                sb.Append("\\n");
            }
            else if (b == '\r')
            {
                sb.Append("\\r");
            }
            else if (b is < 0x20 or >= 0x7f)
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{b:x2}");
            }
            else
            {
                sb.Append((char)b);
            }
        }
        return sb.Append(quote).ToString();
    }

    /// <summary>A tuple of already-rendered items; a one-item tuple keeps its trailing comma, as Python prints it.</summary>
    public static string Tuple(params IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count == 1 ? $"({list[0]},)" : $"({string.Join(", ", list)})";
    }

    /// <summary>A list of already-rendered items.</summary>
    public static string List(IEnumerable<string> items) => $"[{string.Join(", ", items)}]";

    /// <summary>A list of strings.</summary>
    public static string StrList(IEnumerable<string> items) => List(items.Select(Str));

    // Python's str.isprintable for non-ASCII: letters, marks, numbers, punctuation, symbols; not separators (except
    // the ASCII space), controls, format, surrogates, private use or unassigned.
    private static bool IsPrintable(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse
            or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.SpaceSeparator => false,
        _ => true,
    };
}
