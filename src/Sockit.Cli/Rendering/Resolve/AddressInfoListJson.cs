namespace Sockit.Cli.Rendering;

/// <summary>The JSON document of <c>sockit resolve</c> with getaddrinfo's options (docs/cli-json.md): getaddrinfo's list as <c>entries</c>.</summary>
internal sealed record AddressInfoListJson(int Version, IReadOnlyList<AddressInfoJson> Entries);
