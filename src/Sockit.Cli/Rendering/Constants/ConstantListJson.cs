namespace Sockit.Cli.Rendering;

/// <summary>The JSON document of <c>sockit constants</c> (docs/cli-json.md).</summary>
internal sealed record ConstantListJson(int Version, IReadOnlyList<ConstantJson> Entries);
