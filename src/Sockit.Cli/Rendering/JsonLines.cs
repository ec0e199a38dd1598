using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sockit.Cli.Rendering;

/// <summary>
/// Writes one JSON Lines record (https://jsonlines.org): one compact document and a newline, whatever the context's
/// indentation, so streaming commands print one event a line that a reader can parse as it comes.
/// </summary>
internal static class JsonLines
{
    private static readonly JsonWriterOptions s_options = new()
    {
        Indented = false,
        // Output goes to a terminal or a pipe, never into HTML: keep quotes and non-ASCII readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>One record as UTF-8 bytes, its newline included.</summary>
    public static byte[] ToBytes<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, s_options))
        {
            JsonSerializer.Serialize(json, value, typeInfo);
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public static void Write<T>(TextWriter writer, T value, JsonTypeInfo<T> typeInfo)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, s_options))
        {
            JsonSerializer.Serialize(json, value, typeInfo);
        }
        writer.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
