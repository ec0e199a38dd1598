namespace Sockit.Services;

/// <summary>C's <c>strtoul</c> with base 0, as glibc reads a services file's port.</summary>
internal static class CNumber
{
    /// <summary>
    /// Reads an optional sign, then <c>0x</c> hexadecimal, leading-0 octal or decimal digits, as far as they go.
    /// <paramref name="used"/> is how many characters were read; false when there is no number at all. As strtoul:
    /// an overflow gives <see cref="ulong.MaxValue"/>, and a minus sign negates in unsigned arithmetic.
    /// </summary>
    public static bool TryParseUnsigned(ReadOnlySpan<char> text, out ulong value, out int used)
    {
        value = 0;
        used = 0;
        var i = 0;
        var negative = false;
        if (i < text.Length && text[i] is '+' or '-')
        {
            negative = text[i] == '-';
            i++;
        }
        var radix = 10u;
        if (i + 1 < text.Length && text[i] == '0' && text[i + 1] is 'x' or 'X' && i + 2 < text.Length && Digit(text[i + 2], 16) >= 0)
        {
            radix = 16;
            i += 2;
        }
        else if (i < text.Length && text[i] == '0')
        {
            radix = 8;
        }

        var start = i;
        var overflow = false;
        for (; i < text.Length && Digit(text[i], radix) is var d && d >= 0; i++)
        {
            if (value > (ulong.MaxValue - (ulong)d) / radix)
            {
                overflow = true;
            }
            value = unchecked((value * radix) + (ulong)d);
        }
        if (i == start)
        {
            value = 0;
            return false;
        }
        used = i;
        value = overflow ? ulong.MaxValue : negative ? unchecked(0 - value) : value;
        return true;
    }

    private static int Digit(char c, uint radix)
    {
        var d = c switch
        {
            >= '0' and <= '9' => c - '0',
            >= 'a' and <= 'z' => c - 'a' + 10,
            >= 'A' and <= 'Z' => c - 'A' + 10,
            _ => -1,
        };
        return d >= 0 && d < radix ? d : -1;
    }
}
