namespace Sockit.Cli.Rendering;

/// <summary>One header or trailer field in <c>get --format json</c>.</summary>
internal sealed record GetFieldJson(string Name, string Value);
