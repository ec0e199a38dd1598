using System.Text.Json.Serialization;

namespace Sockit.Cli.Rendering;

/// <summary>
/// The CLI's one source-generated JSON context: every record a command prints with <c>--format json</c> is listed
/// here, so NativeAOT needs no reflection and every document shares the same naming and null handling.
/// docs/cli-json.md describes each document.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ServiceJson))]
[JsonSerializable(typeof(ServiceListJson))]
[JsonSerializable(typeof(HostJson))]
[JsonSerializable(typeof(ResolvedAddressJson))]
[JsonSerializable(typeof(HostEntryJson))]
[JsonSerializable(typeof(AddressInfoListJson))]
[JsonSerializable(typeof(DnsAnswerJson))]
[JsonSerializable(typeof(SocketJson))]
[JsonSerializable(typeof(ConstantListJson))]
[JsonSerializable(typeof(StreamEventJson))]
[JsonSerializable(typeof(ConnectStepJson))]
[JsonSerializable(typeof(ForwardEventJson))]
[JsonSerializable(typeof(PortProbeJson))]
[JsonSerializable(typeof(GetJson))]
[JsonSerializable(typeof(TlsJson))]
[JsonSerializable(typeof(BenchJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
