using System.Buffers.Binary;
using System.Text;

namespace Sockit.Naming;

/// <summary>Builds a DNS query (RFC 1035 section 4.1): one question, recursion desired.</summary>
internal static class DnsWireQuery
{
    public static byte[] Build(ushort id, string name, int type)
    {
        var message = new List<byte>(64);
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt16BigEndian(header, id);
        BinaryPrimitives.WriteUInt16BigEndian(header[2..], 0x0100); // RD
        BinaryPrimitives.WriteUInt16BigEndian(header[4..], 1);      // QDCOUNT
        message.AddRange(header.ToArray());
        var total = 1;
        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            var bytes = Encoding.UTF8.GetBytes(label);
            if (bytes.Length is 0 or > 63)
            {
                throw new ArgumentException($"'{name}' is not a DNS name: each label has 1 to 63 bytes", nameof(name));
            }
            total += bytes.Length + 1;
            message.Add((byte)bytes.Length);
            message.AddRange(bytes);
        }
        if (total > 255)
        {
            throw new ArgumentException($"'{name}' is not a DNS name: longer than 255 bytes", nameof(name));
        }
        message.Add(0);
        message.Add((byte)(type >> 8));
        message.Add((byte)type);
        message.Add(0);
        message.Add(1); // class IN
        return [.. message];
    }
}
