namespace Sockit.Sockets;

/// <summary>One of the OS's socket constants, e.g. <c>AF_INET6</c> = 10 on Linux.</summary>
/// <param name="Name">The C and Python name, e.g. <c>AF_INET6</c>, <c>SOCK_DGRAM</c>, <c>IPPROTO_UDP</c>.</param>
/// <param name="Value">Its number on this OS.</param>
public sealed record SocketConstant(string Name, int Value);

/// <summary>The constants of one OS. <c>Members</c> lists, in Python's enum order, the names that make up
/// <c>AddressFamily</c> and <c>SocketKind</c> (an alias such as <c>AF_ROUTE</c> is not one; nor is <c>AF_DECnet</c>).</summary>
internal sealed class SocketConstantTable(
    IReadOnlyList<SocketConstant> families, IReadOnlyList<SocketConstant> familyMembers,
    IReadOnlyList<SocketConstant> types, IReadOnlyList<SocketConstant> typeMembers,
    IReadOnlyList<SocketConstant> protocols)
{
    public IReadOnlyList<SocketConstant> Families { get; } = [.. families.OrderBy(c => c.Name, StringComparer.Ordinal)];

    public IReadOnlyList<SocketConstant> FamilyMembers { get; } = familyMembers;

    public IReadOnlyList<SocketConstant> Types { get; } = [.. types.OrderBy(c => c.Name, StringComparer.Ordinal)];

    public IReadOnlyList<SocketConstant> TypeMembers { get; } = typeMembers;

    public IReadOnlyList<SocketConstant> Protocols { get; } = [.. protocols.OrderBy(c => c.Name, StringComparer.Ordinal)];
}
