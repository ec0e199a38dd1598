namespace Sockit.Services;

/// <summary>One line of a services database: <c>name port/protocol aliases...</c>.</summary>
/// <param name="Name">The official service name, e.g. <c>ssh</c>.</param>
/// <param name="Port">The port number, 0 to 65535.</param>
/// <param name="Protocol">The protocol name, e.g. <c>tcp</c> or <c>udp</c>.</param>
/// <param name="Aliases">Other names for the same service, in file order.</param>
public sealed record ServiceEntry(string Name, int Port, string Protocol, IReadOnlyList<string> Aliases)
{
    /// <summary>Whether <paramref name="name"/> is the official name or one of the aliases (case-sensitive, as glibc).</summary>
    public bool HasName(string name) => Name == name || Aliases.Contains(name, StringComparer.Ordinal);
}
