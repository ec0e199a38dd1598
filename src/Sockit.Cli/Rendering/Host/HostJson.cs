namespace Sockit.Cli.Rendering;

/// <summary>The JSON document of <c>sockit host</c> (docs/cli-json.md).</summary>
internal sealed record HostJson(int Version, string HostName, string? Address, string? AddressError, string FullyQualifiedName, IReadOnlyList<InterfaceJson> Interfaces);
