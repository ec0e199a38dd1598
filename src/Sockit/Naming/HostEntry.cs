using System.Net;

namespace Sockit.Naming;

/// <summary>A host's entry as <c>gethostbyname_ex</c> and <c>gethostbyaddr</c> give it: Python's <c>(hostname, aliaslist, ipaddrlist)</c>.</summary>
/// <param name="Name">The official (canonical) name.</param>
/// <param name="Aliases">Other names of the host, in the resolver's order (for DNS: the CNAME chain that led to <paramref name="Name"/>).</param>
/// <param name="Addresses">The host's addresses, in the resolver's order.</param>
/// <remarks>Two entries are equal when their names are equal and their aliases and addresses are equal item by item, in order.</remarks>
public sealed record HostEntry(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<IPAddress> Addresses)
{
    /// <summary>Whether <paramref name="other"/> has the same name, and the same aliases and addresses in the same order.</summary>
    /// <param name="other">The entry to compare with.</param>
    public bool Equals(HostEntry? other) =>
        other is not null
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Aliases.SequenceEqual(other.Aliases, StringComparer.Ordinal)
        && Addresses.SequenceEqual(other.Addresses);

    /// <summary>A hash of the name, aliases and addresses, consistent with <see cref="Equals(HostEntry)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Name, StringComparer.Ordinal);
        foreach (var alias in Aliases)
        {
            hash.Add(alias, StringComparer.Ordinal);
        }
        foreach (var address in Addresses)
        {
            hash.Add(address);
        }
        return hash.ToHashCode();
    }

    internal static HostEntry From(Interop.OsHostEntry entry) => new(entry.Name, entry.Aliases, entry.Addresses);
}
