namespace Sockit.Cli.Rendering;

/// <summary>The JSON document of <c>sockit service NAME|PORT</c> (docs/cli-json.md).</summary>
internal sealed record ServiceJson(int Version, string Name, int Port, string Protocol, IReadOnlyList<string> Aliases, string Source);
