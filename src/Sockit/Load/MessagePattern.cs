using System.Buffers.Binary;

namespace Sockit.Load;

/// <summary>
/// The content of the load generator's messages. A message's body is a fixed run of letters that differs between
/// connections; its first 8 bytes (and, from 16 bytes on, its last 8) carry the message's number, little-endian, so an
/// echo of the wrong message, a stale one, a shifted one or a corrupted one never compares equal. Only the number is
/// rewritten for each message, so making a message costs two stores whatever its size.
/// </summary>
internal static class MessagePattern
{
    private const int NumberBytes = sizeof(long);

    /// <summary>Fills <paramref name="message"/> with connection <paramref name="connection"/>'s body: letters a-z, starting at a letter of its own.</summary>
    public static void FillBody(Span<byte> message, int connection)
    {
        for (var i = 0; i < message.Length; i++)
        {
            message[i] = (byte)('a' + ((i + connection) % 26));
        }
    }

    /// <summary>Writes message number <paramref name="sequence"/> into a message whose body <see cref="FillBody"/> wrote.</summary>
    public static void Stamp(Span<byte> message, long sequence)
    {
        if (message.Length >= NumberBytes)
        {
            BinaryPrimitives.WriteInt64LittleEndian(message, sequence);
            if (message.Length >= 2 * NumberBytes)
            {
                BinaryPrimitives.WriteInt64LittleEndian(message[^NumberBytes..], sequence);
            }
            return;
        }
        // Shorter than a number: its low bytes, still different from one message to the next.
        for (var i = 0; i < message.Length; i++)
        {
            message[i] = (byte)(sequence >> (8 * i));
        }
    }

    /// <summary>The message number in an echo of <paramref name="size"/> bytes, when the message is long enough to carry one whole.</summary>
    public static bool TryReadSequence(ReadOnlySpan<byte> echo, int size, out long sequence)
    {
        sequence = 0;
        if (size < NumberBytes || echo.Length < NumberBytes)
        {
            return false;
        }
        sequence = BinaryPrimitives.ReadInt64LittleEndian(echo);
        return true;
    }
}
