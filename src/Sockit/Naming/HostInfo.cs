using System.Net;

namespace Sockit.Naming;

/// <summary>This machine as the lesson asks about it, and its interfaces.</summary>
/// <param name="HostName"><c>gethostname()</c>.</param>
/// <param name="Address"><c>gethostbyname(gethostname())</c>, or null when the host name does not resolve.</param>
/// <param name="AddressError">Why <paramref name="Address"/> is null: the resolver's reason.</param>
/// <param name="FullyQualifiedName">Python's <c>getfqdn()</c>: the first dotted name of the host's address's entry, else its name.</param>
/// <param name="Interfaces">Each network interface with its addresses, by interface index.</param>
public sealed record HostInfo(string HostName, IPAddress? Address, string? AddressError, string FullyQualifiedName, IReadOnlyList<InterfaceInfo> Interfaces);
