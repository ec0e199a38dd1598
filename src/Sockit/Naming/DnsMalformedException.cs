namespace Sockit.Naming;

/// <summary>A DNS message that breaks RFC 1035's format (cut short, counts past its end, a compression loop). Internal: <see cref="DnsServerResolver"/> turns it into a <see cref="LookupException"/>.</summary>
internal sealed class DnsMalformedException(string message) : Exception(message);
