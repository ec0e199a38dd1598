using Sockit.Interop;

namespace Sockit.Naming;

/// <summary>getaddrinfo's <c>AI_</c> flags, with glibc's numbers (Python's <c>socket.AI_*</c> on Linux: <c>AI_NUMERICSERV</c> is 1024).</summary>
[Flags]
public enum AddressInfoFlags
{
    /// <summary>No flags.</summary>
    None = 0,
    /// <summary><c>AI_PASSIVE</c>: with no host, the wildcard address (for bind) instead of loopback.</summary>
    Passive = GaiFlags.Passive,
    /// <summary><c>AI_CANONNAME</c>: fill in the canonical name of the first entry.</summary>
    CanonicalName = GaiFlags.CanonicalName,
    /// <summary><c>AI_NUMERICHOST</c>: the host must be an address literal; never ask a resolver.</summary>
    NumericHost = GaiFlags.NumericHost,
    /// <summary><c>AI_V4MAPPED</c>: for IPv6 with no IPv6 addresses, IPv4-mapped ones.</summary>
    V4Mapped = GaiFlags.V4Mapped,
    /// <summary><c>AI_ALL</c>: with <see cref="V4Mapped"/>, both IPv6 and IPv4-mapped addresses.</summary>
    All = GaiFlags.All,
    /// <summary><c>AI_ADDRCONFIG</c>: only families the machine has an address of.</summary>
    AddressConfig = GaiFlags.AddressConfig,
    /// <summary><c>AI_NUMERICSERV</c>: the service must be a port number.</summary>
    NumericService = GaiFlags.NumericService,
}
