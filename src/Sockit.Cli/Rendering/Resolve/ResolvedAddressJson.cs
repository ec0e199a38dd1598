namespace Sockit.Cli.Rendering;

/// <summary>The JSON document of <c>sockit resolve NAME</c> (docs/cli-json.md).</summary>
internal sealed record ResolvedAddressJson(int Version, string Name, string Address);
