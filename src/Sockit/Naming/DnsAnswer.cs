using System.Net;

namespace Sockit.Naming;

/// <summary>A DNS server's answer for a name: the records, and the host entry they make up.</summary>
/// <param name="Server">The server asked.</param>
/// <param name="QueryName">The name asked for.</param>
/// <param name="Entry">As <c>gethostbyname_ex</c> would report it: the end of the CNAME chain as the name, the names along the chain as aliases, and the addresses.</param>
/// <param name="Records">Every answer record, in the server's order (A's answer before AAAA's when both were asked for).</param>
public sealed record DnsAnswer(IPEndPoint Server, string QueryName, HostEntry Entry, IReadOnlyList<DnsRecord> Records);
