using System.Net.Sockets;

namespace Sockit;

public static partial class Py
{
    /// <summary>
    /// <c>socket.sendall(data)</c> with Python's run-time type check: sends every byte of a bytes-like object
    /// (<see cref="T:byte[]"/>, <see cref="ReadOnlyMemory{T}"/> or <see cref="ArraySegment{T}"/> of bytes); anything else,
    /// text included, throws <see cref="ArgumentException"/> ("a bytes-like object is required, not 'string'"), as
    /// Python raises TypeError. The typed <see cref="Connections.Connection.SendAsync"/> refuses text at compile time instead.
    /// </summary>
    public static void SendAll(Socket socket, object data)
    {
        ReadOnlySpan<byte> bytes = data switch
        {
            byte[] array => array,
            ReadOnlyMemory<byte> memory => memory.Span,
            Memory<byte> memory => memory.Span,
            ArraySegment<byte> segment => segment,
            _ => throw new ArgumentException($"a bytes-like object is required, not '{PythonTypeName(data)}'", nameof(data)),
        };
        ArgumentNullException.ThrowIfNull(socket);
        while (!bytes.IsEmpty)
        {
            bytes = bytes[socket.Send(bytes)..];
        }
    }

    private static string PythonTypeName(object? value) => value switch
    {
        null => "NoneType",
        string => "string",
        _ => value.GetType().Name,
    };
}
