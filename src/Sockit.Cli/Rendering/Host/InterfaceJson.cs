namespace Sockit.Cli.Rendering;

/// <summary>One network interface in <see cref="HostJson"/>.</summary>
internal sealed record InterfaceJson(int Index, string Name, bool Up, IReadOnlyList<string> Addresses);
