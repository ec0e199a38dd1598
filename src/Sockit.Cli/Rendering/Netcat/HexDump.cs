using System.Text;

namespace Sockit.Cli.Rendering;

/// <summary>
/// <c>--hex</c>: both directions of a connection as hexdump -C lines on stderr, <c>&gt;</c> for sent and <c>&lt;</c>
/// for received, each with its own running offset. Thread-safe: the two directions call it at the same time.
/// A listener serving several peers (<c>listen -k --hex</c>, <c>listen -u --hex</c>) names the peer: each peer has
/// its own offsets, and a line <c>== 127.0.0.1:40000</c> comes before a chunk whenever the peer changes.
/// </summary>
internal sealed class HexDump(TextWriter writer)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Sent, long Received)> _peers = [];
    private long _sentOffset;
    private long _receivedOffset;
    private string? _lastPeer;

    /// <summary>Dumps one chunk of the single connection.</summary>
    public void Write(bool sent, ReadOnlySpan<byte> data)
    {
        lock (_lock)
        {
            ref var offset = ref sent ? ref _sentOffset : ref _receivedOffset;
            writer.Write(Lines(sent, offset, data));
            offset += data.Length;
        }
    }

    /// <summary>Dumps one chunk sent to or received from <paramref name="peer"/>, one of several.</summary>
    public void Write(string peer, bool sent, ReadOnlySpan<byte> data)
    {
        lock (_lock)
        {
            var (sentOffset, receivedOffset) = _peers.GetValueOrDefault(peer);
            var text = Lines(sent, sent ? sentOffset : receivedOffset, data);
            if (peer != _lastPeer)
            {
                text = $"== {peer}\n{text}";
                _lastPeer = peer;
            }
            _peers[peer] = sent ? (sentOffset + data.Length, receivedOffset) : (sentOffset, receivedOffset + data.Length);
            writer.Write(text);
        }
    }

    private static string Lines(bool sent, long offset, ReadOnlySpan<byte> data)
    {
        var sb = new StringBuilder();
        for (var start = 0; start < data.Length; start += 16)
        {
            var line = data.Slice(start, Math.Min(16, data.Length - start));
            Line(sb, sent ? '>' : '<', offset + start, line);
        }
        return sb.ToString();
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
