namespace Sockit.Cli.Rendering;

/// <summary>The JSON document of <c>sockit service --list</c> (docs/cli-json.md).</summary>
internal sealed record ServiceListJson(int Version, string Source, bool Embedded, IReadOnlyList<ServiceEntryJson> Entries);
