namespace Sockit.Cli.Rendering;

/// <summary>One line of <c>connect -z --format json</c>: whether one port accepted a connection.</summary>
internal sealed record PortProbeJson(int Version, string Host, int Port, bool Open, string? Address, string? Failure, string? Reason);
