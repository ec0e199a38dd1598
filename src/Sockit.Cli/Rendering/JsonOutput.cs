using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Sockit.Cli.Rendering;

/// <summary>Writes one JSON document (or one JSON Lines record) through a source-generated type info, so NativeAOT needs no reflection.</summary>
internal static class JsonOutput
{
    public static void Write<T>(TextWriter writer, T value, JsonTypeInfo<T> typeInfo)
    {
        writer.WriteLine(JsonSerializer.Serialize(value, typeInfo));
    }
}
