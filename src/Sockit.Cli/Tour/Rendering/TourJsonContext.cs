using System.Text.Json.Serialization;

namespace Sockit.Cli.Tour;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(TourJson))]
internal sealed partial class TourJsonContext : JsonSerializerContext;
