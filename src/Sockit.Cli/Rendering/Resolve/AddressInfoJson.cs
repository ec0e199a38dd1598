namespace Sockit.Cli.Rendering;

/// <summary>
/// One getaddrinfo entry in <see cref="AddressInfoListJson"/>, as Python's data: an IPv6 address without its
/// <c>%scope</c>, beside <c>flowInfo</c> and <c>scopeId</c> (both absent for IPv4).
/// </summary>
internal sealed record AddressInfoJson(string Family, int FamilyNumber, string Type, int TypeNumber, int Protocol, string CanonicalName, string Address, int Port, uint? FlowInfo, long? ScopeId);
