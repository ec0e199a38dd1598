namespace Sockit.Cli.Rendering;

/// <summary>The JSON document of <c>sockit socket</c> (docs/cli-json.md): an IP socket has a local address and port, a Unix socket a path.</summary>
internal sealed record SocketJson(int Version, long Fd, string Family, int FamilyNumber, string Type, int TypeNumber, int Protocol, string? LocalAddress, int? LocalPort, string? LocalPath);
