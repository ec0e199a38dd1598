using System.Globalization;

namespace Sockit.Services;

/// <summary>
/// Parses the services(5) format the way glibc's nss_files does, so that answers match
/// <c>getservbyname</c>/<c>getservbyport</c>: <c>name port/protocol [alias...]</c>, fields separated by
/// blanks or tabs, everything from <c>#</c> to the end of the line a comment. A line that does not fit is skipped.
/// </summary>
public static class ServicesFileParser
{
    /// <summary>Parses every well-formed line of <paramref name="text"/>, in order.</summary>
    public static IReadOnlyList<ServiceEntry> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<ServiceEntry>();
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            if (TryParseLine(line, out var entry))
            {
                entries.Add(entry);
            }
        }
        return entries;
    }

    /// <summary>Parses one line; false for blank, comment-only or malformed lines.</summary>
    public static bool TryParseLine(ReadOnlySpan<char> line, out ServiceEntry entry)
    {
        entry = null!;
        var comment = line.IndexOf('#');
        if (comment >= 0)
        {
            line = line[..comment];
        }

        var fields = new List<string>();
        foreach (var range in line.SplitAny(" \t\r\f\v"))
        {
            if (!line[range].IsEmpty)
            {
                fields.Add(line[range].ToString());
            }
        }
        if (fields.Count < 2)
        {
            return false;
        }

        var portAndProtocol = fields[1].AsSpan();
        var slash = portAndProtocol.IndexOf('/');
        if (slash <= 0 || slash == portAndProtocol.Length - 1
            || !TryParseCNumber(portAndProtocol[..slash], out var port))
        {
            return false;
        }

        // glibc stores the port with htons((uint16_t) strtoul(...)): larger numbers wrap.
        entry = new ServiceEntry(fields[0], (int)(port & 0xFFFF), portAndProtocol[(slash + 1)..].ToString(), fields.Skip(2).ToArray());
        return true;
    }

    /// <summary>strtoul with base 0, as glibc reads the port: decimal, 0x hex or leading-0 octal, whole field only.</summary>
    private static bool TryParseCNumber(ReadOnlySpan<char> text, out ulong value)
    {
        value = 0;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && text.Length > 2)
        {
            return ulong.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        if (text.Length > 1 && text[0] == '0')
        {
            foreach (var c in text[1..])
            {
                if (c is < '0' or > '7')
                {
                    return false;
                }
                value = (value * 8) + (ulong)(c - '0');
            }
            return true;
        }
        return ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
