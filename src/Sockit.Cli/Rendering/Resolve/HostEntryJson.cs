namespace Sockit.Cli.Rendering;

/// <summary>The JSON document of <c>sockit resolve NAME --ex</c> and <c>--reverse</c> (docs/cli-json.md).</summary>
internal sealed record HostEntryJson(int Version, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Addresses);
