namespace Sockit.Services;

/// <summary>
/// Parses the services(5) format the way glibc's nss_files does (its <c>files-service.c</c> line parser), so that
/// answers match <c>getservbyname</c>/<c>getservbyport</c>, and Python's: <c>name port[/protocol] [alias...]</c>,
/// fields separated by C whitespace (space, tab, CR, VT, FF), everything from <c>#</c> or a NUL to the end of the
/// line ignored. A line that does not fit is skipped.
/// </summary>
public static class ServicesFileParser
{
    /// <summary>Parses every well-formed line of <paramref name="text"/>, in order. Lines end at LF only, as for glibc.</summary>
    public static IReadOnlyList<ServiceEntry> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var entries = new List<ServiceEntry>();
        foreach (var range in text.AsSpan().Split('\n'))
        {
            if (TryParseLine(text.AsSpan(range), out var entry))
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
        // glibc reads the line as a C string (a NUL ends it) and cuts it at the first '#'.
        var end = line.IndexOfAny('\0', '#');
        if (end >= 0)
        {
            line = line[..end];
        }

        line = SkipSpace(line);
        var nameLength = WordLength(line);
        if (nameLength == 0)
        {
            return false;
        }
        var name = line[..nameLength].ToString();
        line = SkipSpace(line[nameLength..]);

        // The port: strtoul with base 0, then a '/' or the end of the line; anything else right after it is malformed.
        if (!CNumber.TryParseUnsigned(line, out var port, out var used) || port > uint.MaxValue)
        {
            return false;
        }
        line = line[used..];
        var protocol = string.Empty;
        if (!line.IsEmpty)
        {
            if (line[0] != '/')
            {
                return false;
            }
            line = line[1..];
            var protocolLength = WordLength(line);
            protocol = line[..protocolLength].ToString();
            line = line[protocolLength..];
        }

        var aliases = new List<string>();
        while (!(line = SkipSpace(line)).IsEmpty)
        {
            var length = WordLength(line);
            aliases.Add(line[..length].ToString());
            line = line[length..];
        }

        // glibc stores the port with htons((uint16_t) value): numbers up to 2^32-1 wrap.
        entry = new ServiceEntry(name, (int)(port & 0xFFFF), protocol, aliases);
        return true;
    }

    private static bool IsCSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private static ReadOnlySpan<char> SkipSpace(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && IsCSpace(text[i]))
        {
            i++;
        }
        return text[i..];
    }

    private static int WordLength(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length && !IsCSpace(text[i]))
        {
            i++;
        }
        return i;
    }
}
