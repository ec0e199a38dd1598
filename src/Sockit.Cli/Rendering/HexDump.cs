using System.Text;

namespace Sockit.Cli.Rendering;

/// <summary>
/// <c>--hex</c>: both directions of a connection as hexdump -C lines on stderr, <c>&gt;</c> for sent and <c>&lt;</c>
/// for received, each with its own running offset. Thread-safe: the two directions call it at the same time.
/// </summary>
internal sealed class HexDump(TextWriter writer)
{
    private readonly Lock _lock = new();
    private long _sentOffset;
    private long _receivedOffset;

    public void Write(bool sent, ReadOnlySpan<byte> data)
    {
        lock (_lock)
        {
            ref var offset = ref sent ? ref _sentOffset : ref _receivedOffset;
            var sb = new StringBuilder();
            for (var start = 0; start < data.Length; start += 16)
            {
                var line = data.Slice(start, Math.Min(16, data.Length - start));
                Line(sb, sent ? '>' : '<', offset + start, line);
            }
            offset += data.Length;
            writer.Write(sb.ToString());
        }
    }

    /// <summary>One line: direction, offset, 16 bytes in two groups of 8, and the printable ASCII between bars.</summary>
    internal static void Line(StringBuilder sb, char direction, long offset, ReadOnlySpan<byte> line)
    {
        sb.Append(direction).Append(' ').Append(offset.ToString("x8", System.Globalization.CultureInfo.InvariantCulture)).Append("  ");
        for (var i = 0; i < 16; i++)
        {
            if (i < line.Length)
            {
                sb.Append(line[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture)).Append(' ');
            }
            else
            {
                sb.Append("   ");
            }
            if (i == 7)
            {
                sb.Append(' ');
            }
        }
        sb.Append(" |");
        foreach (var b in line)
        {
            sb.Append(b is >= 0x20 and < 0x7f ? (char)b : '.');
        }
        sb.Append("|\n");
    }
}
