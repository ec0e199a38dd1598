using System.Globalization;
using System.Text;
using CsCheck;

namespace Sockit.Tests.Fuzz;

/// <summary>
/// Mutation fuzzing with CsCheck: start from a seed (a valid or edge-case input) and apply a few random edits of the
/// kinds that break parsers: flip, insert, delete, duplicate or truncate bytes, and splice in tokens of the grammar.
/// </summary>
internal static class Mutator
{
    private enum Edit
    {
        Flip,
        Insert,
        Delete,
        Duplicate,
        Token,
        Truncate,
    }

    public static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>Inputs made from <paramref name="seeds"/> by 0 to 8 edits, splicing in <paramref name="tokens"/>.</summary>
    public static Gen<byte[]> Mutants(IReadOnlyList<byte[]> seeds, IReadOnlyList<byte[]> tokens) =>
        from seed in Gen.Int[0, seeds.Count - 1]
        from edits in Gen.Select(Gen.Enum<Edit>(), Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue]).Array[0, 8]
        select Apply(seeds[seed], edits, tokens);

    private static byte[] Apply(byte[] seed, (Edit Kind, int A, int B)[] edits, IReadOnlyList<byte[]> tokens)
    {
        var bytes = new List<byte>(seed);
        foreach (var (kind, a, b) in edits)
        {
            var at = bytes.Count == 0 ? 0 : a % (bytes.Count + 1);
            switch (kind)
            {
                case Edit.Flip when at < bytes.Count:
                    bytes[at] = (byte)b;
                    break;
                case Edit.Insert:
                    bytes.Insert(at, (byte)b);
                    break;
                case Edit.Delete when at < bytes.Count:
                    bytes.RemoveRange(at, Math.Min(1 + (b % 8), bytes.Count - at));
                    break;
                case Edit.Duplicate when at < bytes.Count:
                    var length = Math.Min(1 + (b % 64), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
                case Edit.Token:
                    bytes.InsertRange(at, tokens[b % tokens.Count]);
                    break;
                case Edit.Truncate:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }
        return [.. bytes];
    }

    /// <summary>Cut points for splitting an input of any length into pieces, as receives would.</summary>
    public static Gen<int[]> Cuts => Gen.Int[0, int.MaxValue].Array[0, 12];

    /// <summary><paramref name="bytes"/> split at <paramref name="cuts"/> (taken modulo its length).</summary>
    public static List<byte[]> Split(byte[] bytes, int[] cuts)
    {
        var points = cuts.Select(c => c % (bytes.Length + 1)).Append(0).Append(bytes.Length).Distinct().Order().ToArray();
        var pieces = new List<byte[]>();
        for (var i = 0; i + 1 < points.Length; i++)
        {
            pieces.Add(bytes[points[i]..points[i + 1]]);
        }
        return pieces;
    }

    /// <summary>Bytes for a failure report: printable ASCII as is, the rest as \xNN.</summary>
    public static string Show(byte[] bytes)
    {
        var sb = new StringBuilder();
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7F and not (byte)'\\')
            {
                sb.Append((char)b);
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{b:x2}");
            }
        }
        return sb.ToString();
    }
}
