namespace Sockit.Naming;

/// <summary>getaddrinfo's <c>AI_</c> flags.</summary>
[Flags]
public enum AddressInfoFlags
{
    /// <summary>No flags.</summary>
    None = 0,
    /// <summary><c>AI_PASSIVE</c>: with no host, the wildcard address (for bind) instead of loopback.</summary>
    Passive = 1,
    /// <summary><c>AI_CANONNAME</c>: fill in the canonical name of the first entry.</summary>
    CanonicalName = 2,
    /// <summary><c>AI_NUMERICHOST</c>: the host must be an address literal; never ask a resolver.</summary>
    NumericHost = 4,
    /// <summary><c>AI_V4MAPPED</c>: for IPv6 with no IPv6 addresses, IPv4-mapped ones.</summary>
    V4Mapped = 8,
    /// <summary><c>AI_ALL</c>: with <see cref="V4Mapped"/>, both IPv6 and IPv4-mapped addresses.</summary>
    All = 16,
    /// <summary><c>AI_ADDRCONFIG</c>: only families the machine has an address of.</summary>
    AddressConfig = 32,
    /// <summary><c>AI_NUMERICSERV</c>: the service must be a port number.</summary>
    NumericService = 64,
}
