using System.Text;

namespace Sockit.Http;

/// <summary>One header (or trailer) field: <c>Name: value</c>, as received (RFC 9112 section 5). Bytes above 0x7F are kept as Latin-1 characters.</summary>
/// <param name="Name">The field name, with the case the peer sent.</param>
/// <param name="Value">The field value without leading or trailing whitespace.</param>
public readonly record struct HttpHeaderField(string Name, string Value)
{
    /// <summary>
    /// Parses a field line without its CRLF (RFC 9112 section 5.1): <c>field-name ":" OWS field-value OWS</c>.
    /// Fails on an empty or non-token name, whitespace before the colon (which 5.1 says to reject), a missing colon,
    /// or a control character other than HTAB in the value (RFC 9110 section 5.5).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> line, out HttpHeaderField field)
    {
        field = default;
        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return false;
        }
        var name = line[..colon];
        foreach (var b in name)
        {
            if (!HttpSyntax.IsTokenChar(b))
            {
                return false;
            }
        }
        var value = HttpSyntax.TrimOws(line[(colon + 1)..]);
        if (!HttpSyntax.IsFieldValue(value))
        {
            return false;
        }
        field = new HttpHeaderField(Encoding.ASCII.GetString(name), Encoding.Latin1.GetString(value));
        return true;
    }

    /// <summary>The field as it goes on the wire, without CRLF.</summary>
    public override string ToString() => $"{Name}: {Value}";

    /// <summary>
    /// A header or trailer section as it goes on the wire (RFC 9112 sections 5 and 7.1.2): each field as
    /// <c>Name: value</c> and CRLF, in order, then the empty line that ends the section.
    /// </summary>
    public static string FormatSection(IEnumerable<HttpHeaderField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var sb = new StringBuilder();
        foreach (var field in fields)
        {
            sb.Append(field.Name).Append(": ").Append(field.Value).Append("\r\n");
        }
        return sb.Append("\r\n").ToString();
    }
}
