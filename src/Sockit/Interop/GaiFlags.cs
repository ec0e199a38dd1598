namespace Sockit.Interop;

/// <summary>
/// getaddrinfo's <c>AI_</c> flags, numbered as glibc's <c>&lt;netdb.h&gt;</c> numbers them (and Python's socket module on
/// Linux). The one list of them: the public <see cref="Naming.AddressInfoFlags"/> takes its values from here, so the
/// layers above pass an <see cref="int"/> down; <see cref="Linux.LinuxSocketPlatform"/> hands it to glibc unchanged and
/// <see cref="Managed.ManagedSocketPlatform"/> reads it.
/// </summary>
internal static class GaiFlags
{
    public const int Passive = 0x1;
    public const int CanonicalName = 0x2;
    public const int NumericHost = 0x4;
    public const int V4Mapped = 0x8;
    public const int All = 0x10;
    public const int AddressConfig = 0x20;
    public const int NumericService = 0x400;

    /// <summary>Every flag above: getaddrinfo refuses any other bit (<c>EAI_BADFLAGS</c>).</summary>
    public const int Known = Passive | CanonicalName | NumericHost | V4Mapped | All | AddressConfig | NumericService;
}
