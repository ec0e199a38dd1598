using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Sockit.Naming;

/// <summary>
/// A host name as Python passes a <c>str</c> host to the resolver (its <c>encodings.idna</c> codec, IDNA 2003): an
/// all-ASCII name as it is; otherwise each label that is not ASCII nameprepped and punycoded (<c>bücher.test</c> →
/// <c>xn--bcher-kva.test</c>), ASCII labels kept as they are. sockit runs with invariant globalization (no ICU), where
/// <see cref="IdnMapping"/> only punycodes and <see cref="string.Normalize()"/> does nothing, so the nameprep steps
/// that matter for names people type are done here first: IDNA 2003's mapping of ß to ss and ς to σ (where UTS #46
/// differs), its "map to nothing" characters (soft hyphen, joiners, variation selectors), fullwidth ASCII to ASCII, and
/// case folding. Known limit: compatibility forms that need NFKC tables (ligatures such as ﬁ, Roman numerals,
/// decomposed accents) are not normalized as Python normalizes them.
/// </summary>
internal static class IdnaName
{
    private static readonly IdnMapping s_mapping = new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    // The dots IDNA 2003 (RFC 3490 section 3.1) separates labels at.
    private static readonly char[] s_dots = ['.', '\u3002', '\uFF0E', '\uFF61'];

    /// <summary>The name to ask the resolver for; a <see cref="LookupException"/> when it cannot be encoded (as Python's UnicodeError).</summary>
    public static string ToAscii(string name)
    {
        if (Ascii.IsValid(name))
        {
            return name;
        }
        var labels = name.Split(s_dots);
        var trailingDot = labels.Length > 1 && labels[^1].Length == 0;
        var count = trailingDot ? labels.Length - 1 : labels.Length;
        var encoded = new string[count];
        for (var i = 0; i < count; i++)
        {
            encoded[i] = Ascii.IsValid(labels[i]) ? labels[i] : Encode(name, labels[i]);
            if (encoded[i].Length is 0 or > 63)
            {
                throw Invalid(name, "a label is empty or longer than 63 characters");
            }
        }
        return string.Join('.', encoded) + (trailingDot ? "." : "");
    }

    private static string Encode(string name, string label)
    {
        try
        {
            return s_mapping.GetAscii(Nameprep(label));
        }
        catch (ArgumentException e)
        {
            throw Invalid(name, e.Message);
        }
    }

    // RFC 3491 nameprep, as far as it goes without Unicode normalization tables (see the class remarks).
    private static string Nameprep(string label)
    {
        var prepared = new StringBuilder(label.Length);
        foreach (var c in label.Normalize(NormalizationForm.FormKC))
        {
            switch (c)
            {
                case 'ß':
                    prepared.Append("ss");
                    break;
                case 'ς':
                    prepared.Append('σ');
                    break;
                // RFC 3454 table B.1: mapped to nothing.
                case '\u00AD' or '\u034F' or '\u1806' or (>= '\u180B' and <= '\u180D') or (>= '\u200B' and <= '\u200D') or '\u2060'
                    or (>= '\uFE00' and <= '\uFE0F') or '\uFEFF':
                    break;
                // Fullwidth ASCII (NFKC maps it): ＡＢＣ is ABC.
                case >= '\uFF01' and <= '\uFF5E':
                    prepared.Append(char.ToLowerInvariant((char)(c - 0xFEE0)));
                    break;
                default:
                    prepared.Append(char.ToLowerInvariant(c));
                    break;
            }
        }
        return prepared.ToString();
    }

    private static LookupException Invalid(string name, string why) =>
        new($"cannot resolve '{name}': not a valid international name (IDNA: {why})", SockitFailure.NotFound,
            new SocketException((int)SocketError.HostNotFound))
        {
            Name = name,
        };
}
