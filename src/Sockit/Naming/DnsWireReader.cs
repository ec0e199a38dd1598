using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Text;

namespace Sockit.Naming;

/// <summary>
/// Reads a DNS response (RFC 1035 section 4.1) strictly: every count, length and compression pointer is checked
/// against the message's end, pointers must point backwards (so a loop cannot form), names stay within 255 bytes.
/// A message that breaks any of these throws <see cref="DnsMalformedException"/>; trailing bytes are ignored, as
/// resolvers do.
/// </summary>
internal static class DnsWireReader
{
    private const int HeaderLength = 12;
    private const int MaxNameLength = 255;

    public static DnsWireResponse Read(ReadOnlySpan<byte> message)
    {
        if (message.Length < HeaderLength)
        {
            throw new DnsMalformedException($"{message.Length} bytes, shorter than a DNS header (12)");
        }
        var id = BinaryPrimitives.ReadUInt16BigEndian(message);
        var flags = BinaryPrimitives.ReadUInt16BigEndian(message[2..]);
        var questions = BinaryPrimitives.ReadUInt16BigEndian(message[4..]);
        var answers = BinaryPrimitives.ReadUInt16BigEndian(message[6..]);
        var authorities = BinaryPrimitives.ReadUInt16BigEndian(message[8..]);
        var additionals = BinaryPrimitives.ReadUInt16BigEndian(message[10..]);
        var offset = HeaderLength;

        string? questionName = null;
        int questionType = 0, questionClass = 0;
        for (var i = 0; i < questions; i++)
        {
            var name = ReadName(message, ref offset, "question");
            Need(message, offset, 4, $"question {i + 1}");
            if (i == 0)
            {
                questionName = name;
                questionType = BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
                questionClass = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 2)..]);
            }
            offset += 4;
        }

        var records = new List<DnsWireRecord>(answers);
        for (var i = 0; i < answers; i++)
        {
            records.Add(ReadRecord(message, ref offset, $"answer {i + 1} of {answers}"));
        }
        // Authority and additional records are not shown, but their counts must hold too: a message is well formed or not.
        for (var i = 0; i < authorities + additionals; i++)
        {
            ReadRecord(message, ref offset, i < authorities ? $"authority record {i + 1} of {authorities}" : $"additional record {i - authorities + 1} of {additionals}");
        }

        return new DnsWireResponse(id, (flags & 0x8000) != 0, (flags & 0x0200) != 0, flags & 0x000F, questionName, questionType, questionClass, records);
    }

    private static DnsWireRecord ReadRecord(ReadOnlySpan<byte> message, ref int offset, string what)
    {
        var name = ReadName(message, ref offset, what);
        Need(message, offset, 10, what);
        var type = BinaryPrimitives.ReadUInt16BigEndian(message[offset..]);
        var @class = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 2)..]);
        var ttl = BinaryPrimitives.ReadUInt32BigEndian(message[(offset + 4)..]);
        var length = BinaryPrimitives.ReadUInt16BigEndian(message[(offset + 8)..]);
        offset += 10;
        if (offset + length > message.Length)
        {
            throw new DnsMalformedException($"{what}: its data length {length} runs past the end of the {message.Length}-byte message");
        }
        var data = message.Slice(offset, length);
        var dataStart = offset;
        offset += length;

        IPAddress? address = null;
        string? target = null;
        string text;
        switch (type)
        {
            case DnsWireRecord.A when @class == 1:
            case DnsWireRecord.Aaaa when @class == 1:
                var size = type == DnsWireRecord.A ? 4 : 16;
                if (length != size)
                {
                    throw new DnsMalformedException($"{what}: an {(size == 4 ? "A" : "AAAA")} record of {length} bytes (it has {size})");
                }
                address = new IPAddress(data);
                text = address.ToString();
                break;
            case DnsWireRecord.CName:
                var at = dataStart;
                target = ReadName(message, ref at, what);
                if (at != dataStart + length)
                {
                    throw new DnsMalformedException($"{what}: its CNAME target does not end where its data length ({length}) says");
                }
                text = target;
                break;
            default:
                text = length == 0 ? @"\# 0" : $@"\# {length} {Convert.ToHexString(data)}";
                break;
        }
        // RFC 2181 section 8: a TTL with the top bit set is treated as zero.
        return new DnsWireRecord(name, type, @class, ttl > int.MaxValue ? 0 : (int)ttl, text, address, target);
    }

    /// <summary>Reads a possibly compressed name at <paramref name="offset"/>, leaving the offset after its encoding in place.</summary>
    private static string ReadName(ReadOnlySpan<byte> message, ref int offset, string what)
    {
        var name = new StringBuilder();
        var length = 1;
        var at = offset;
        var jumped = false;
        while (true)
        {
            Need(message, at, 1, what);
            var b = message[at];
            if ((b & 0xC0) == 0xC0)
            {
                Need(message, at, 2, what);
                var pointer = BinaryPrimitives.ReadUInt16BigEndian(message[at..]) & 0x3FFF;
                // Only backwards: every jump lands strictly earlier, so a chain of pointers ends (no loop can form).
                if (pointer >= at)
                {
                    throw new DnsMalformedException($"{what}: a name's compression pointer at byte {at} points forward or at itself (to {pointer})");
                }
                if (!jumped)
                {
                    offset = at + 2;
                    jumped = true;
                }
                at = pointer;
                continue;
            }
            if ((b & 0xC0) != 0)
            {
                throw new DnsMalformedException($"{what}: label type 0x{b & 0xC0:x2} at byte {at} (only plain labels and pointers exist)");
            }
            if (b == 0)
            {
                if (!jumped)
                {
                    offset = at + 1;
                }
                return name.Length == 0 ? "." : name.ToString();
            }
            Need(message, at + 1, b, what);
            length += b + 1;
            if (length > MaxNameLength)
            {
                throw new DnsMalformedException($"{what}: a name longer than {MaxNameLength} bytes");
            }
            AppendLabel(name, message.Slice(at + 1, b));
            at += 1 + b;
        }
    }

    // Zone-file text: printable ASCII as is, '.' and '\' escaped, anything else as \DDD (RFC 1035 section 5.1).
    private static void AppendLabel(StringBuilder name, ReadOnlySpan<byte> label)
    {
        foreach (var c in label)
        {
            if (c is (byte)'.' or (byte)'\\')
            {
                name.Append('\\').Append((char)c);
            }
            else if (c is > 0x20 and < 0x7F)
            {
                name.Append((char)c);
            }
            else
            {
                name.Append('\\').Append(c.ToString("D3", CultureInfo.InvariantCulture));
            }
        }
        name.Append('.');
    }

    private static void Need(ReadOnlySpan<byte> message, int at, int count, string what)
    {
        if (at + count > message.Length)
        {
            throw new DnsMalformedException($"{what}: cut short at byte {message.Length} (counts or lengths promise more than the message holds)");
        }
    }
}
