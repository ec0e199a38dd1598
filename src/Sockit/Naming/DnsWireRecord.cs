namespace Sockit.Naming;

/// <summary>One resource record as read off the wire: its owner name (with the final dot), type, class, TTL and data, typed where sockit reads it.</summary>
/// <param name="Name">The owner name, absolute (<c>www.example.</c>).</param>
/// <param name="Type">The record type number (1 A, 5 CNAME, 28 AAAA, ...).</param>
/// <param name="Class">The class number (1 IN).</param>
/// <param name="TimeToLive">Seconds; a value with the top bit set counts as 0 (RFC 2181 section 8).</param>
/// <param name="Data">The data as a zone file writes it: an address, a name, or RFC 3597's <c>\# length hex</c>.</param>
/// <param name="Address">The address of an A or AAAA record.</param>
/// <param name="Target">The canonical name of a CNAME record.</param>
internal sealed record DnsWireRecord(string Name, int Type, int Class, int TimeToLive, string Data, System.Net.IPAddress? Address, string? Target)
{
    public const int A = 1;
    public const int CName = 5;
    public const int Aaaa = 28;

    /// <summary>The type's mnemonic, or RFC 3597's <c>TYPEnnn</c>.</summary>
    public string TypeName => Type switch
    {
        A => "A",
        CName => "CNAME",
        Aaaa => "AAAA",
        2 => "NS",
        6 => "SOA",
        12 => "PTR",
        15 => "MX",
        16 => "TXT",
        39 => "DNAME",
        41 => "OPT",
        46 => "RRSIG",
        _ => $"TYPE{Type}",
    };
}
