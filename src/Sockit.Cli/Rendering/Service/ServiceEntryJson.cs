namespace Sockit.Cli.Rendering;

/// <summary>One entry of <see cref="ServiceListJson"/>.</summary>
internal sealed record ServiceEntryJson(string Name, int Port, string Protocol, IReadOnlyList<string> Aliases);
