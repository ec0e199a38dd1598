namespace Sockit.Naming;

/// <summary>One resource record of a DNS answer, as dig shows it.</summary>
/// <param name="Name">The owner name, with its trailing dot.</param>
/// <param name="Type">The record type: A, AAAA, CNAME, ...</param>
/// <param name="TimeToLive">The TTL in seconds.</param>
/// <param name="Data">The record's data as text (an address, a target name).</param>
public sealed record DnsRecord(string Name, string Type, int TimeToLive, string Data);
