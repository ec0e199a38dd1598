namespace Sockit.Interop;

/// <summary>
/// getaddrinfo's <c>AI_</c> flags by meaning, not by any OS's numbers: each platform maps them to its own
/// (glibc's <c>AI_NUMERICSERV</c> is 0x400). The public <see cref="Naming.AddressInfoFlags"/> has the same members with
/// the same values, so it converts by a cast (a test holds the two together); this copy keeps the interop layer from
/// depending on Naming.
/// </summary>
[Flags]
internal enum ResolverFlags
{
    None = 0,
    Passive = 1,
    CanonicalName = 2,
    NumericHost = 4,
    V4Mapped = 8,
    All = 16,
    AddressConfig = 32,
    NumericService = 64,
}
