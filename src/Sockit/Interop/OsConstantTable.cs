namespace Sockit.Interop;

/// <summary>The constants of one OS. <c>Members</c> lists, in Python's enum order, the names that make up
/// <c>AddressFamily</c> and <c>SocketKind</c> (an alias such as <c>AF_ROUTE</c> is not one; nor is <c>AF_DECnet</c>).</summary>
internal sealed class OsConstantTable(
    IReadOnlyList<OsConstant> families, IReadOnlyList<OsConstant> familyMembers,
    IReadOnlyList<OsConstant> types, IReadOnlyList<OsConstant> typeMembers,
    IReadOnlyList<OsConstant> protocols)
{
    public IReadOnlyList<OsConstant> Families { get; } = [.. families.OrderBy(c => c.Name, StringComparer.Ordinal)];

    public IReadOnlyList<OsConstant> FamilyMembers { get; } = familyMembers;

    public IReadOnlyList<OsConstant> Types { get; } = [.. types.OrderBy(c => c.Name, StringComparer.Ordinal)];

    public IReadOnlyList<OsConstant> TypeMembers { get; } = typeMembers;

    public IReadOnlyList<OsConstant> Protocols { get; } = [.. protocols.OrderBy(c => c.Name, StringComparer.Ordinal)];
}
