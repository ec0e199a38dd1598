using System.Net;

namespace Sockit.Connections;

/// <summary>
/// The order Happy Eyeballs tries a host's addresses in (RFC 8305 section 4): the resolver's first address first, then
/// the families alternate (First Address Family Count 1), each family keeping the resolver's order within it. So a
/// host with several IPv6 addresses that all drop packets still gets an IPv4 attempt second, not last.
/// </summary>
internal static class AddressOrder
{
    /// <summary>
    /// <paramref name="addresses"/> with the families interleaved, starting with the family of the first. Applying it
    /// twice changes nothing.
    /// </summary>
    public static IReadOnlyList<IPAddress> Interleave(IReadOnlyList<IPAddress> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count < 3)
        {
            // One or two addresses: every interleaving is the resolver's order already.
            return addresses;
        }
        var firstFamily = addresses[0].AddressFamily;
        var first = addresses.Where(a => a.AddressFamily == firstFamily).ToList();
        var other = addresses.Where(a => a.AddressFamily != firstFamily).ToList();
        var ordered = new List<IPAddress>(addresses.Count);
        for (var i = 0; i < Math.Max(first.Count, other.Count); i++)
        {
            if (i < first.Count)
            {
                ordered.Add(first[i]);
            }
            if (i < other.Count)
            {
                ordered.Add(other[i]);
            }
        }
        return ordered;
    }
}
