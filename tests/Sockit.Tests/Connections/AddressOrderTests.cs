using System.Net;
using Sockit.Connections;

namespace Sockit.Tests.Connections;

/// <summary>RFC 8305 section 4's order on hand-written resolver answers: the first address's family first, then the families alternate.</summary>
public sealed class AddressOrderTests
{
    private static IPAddress[] A(params string[] addresses) => [.. addresses.Select(IPAddress.Parse)];

    [Theory]
    // Two IPv6 then two IPv4: the second attempt is IPv4, not the second IPv6 address.
    [InlineData("2001:db8::1 2001:db8::2 192.0.2.1 192.0.2.2", "2001:db8::1 192.0.2.1 2001:db8::2 192.0.2.2")]
    // IPv4 first: IPv4 leads, and the order within each family stays the resolver's.
    [InlineData("192.0.2.1 192.0.2.2 192.0.2.3 2001:db8::1", "192.0.2.1 2001:db8::1 192.0.2.2 192.0.2.3")]
    // One family only: unchanged.
    [InlineData("192.0.2.3 192.0.2.1 192.0.2.2", "192.0.2.3 192.0.2.1 192.0.2.2")]
    // More of the other family: the rest of it comes last.
    [InlineData("::1 127.0.0.1 127.0.0.2 127.0.0.3", "::1 127.0.0.1 127.0.0.2 127.0.0.3")]
    [InlineData("::1 ::2 ::3 127.0.0.1", "::1 127.0.0.1 ::2 ::3")]
    // Already alternating, or too short to change: unchanged.
    [InlineData("::1 127.0.0.1 ::2 127.0.0.2", "::1 127.0.0.1 ::2 127.0.0.2")]
    [InlineData("::1 127.0.0.1", "::1 127.0.0.1")]
    [InlineData("127.0.0.1", "127.0.0.1")]
    public void Interleave_HandWrittenAnswers_AlternatesFamiliesStartingWithTheFirst(string resolved, string expected)
    {
        var ordered = AddressOrder.Interleave(A(resolved.Split(' ')));
        Assert.Equal(expected, string.Join(' ', ordered));
        // Applying it again changes nothing (the connect orders both looked-up and given addresses).
        Assert.Equal(expected, string.Join(' ', AddressOrder.Interleave(ordered)));
    }
}
