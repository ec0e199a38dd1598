using System.Runtime.InteropServices;
using Sockit.Interop.Linux;
using Sockit.Interop.Managed;

namespace Sockit.Interop;

/// <summary>
/// The platform sockit runs on, chosen once, at the first call that needs it: glibc where it is available (Linux with
/// glibc), else .NET's own (<see cref="ManagedSocketPlatform"/>: macOS, Windows, Linux on musl). A program chooses the
/// managed one everywhere with the AppContext switch <c>Sockit.UseManagedPlatform</c> (in the project,
/// <c>&lt;RuntimeHostConfigurationOption Include="Sockit.UseManagedPlatform" Value="true" /&gt;</c>, or
/// <c>AppContext.SetSwitch</c> before the first lookup) or the environment variable <c>SOCKIT_PLATFORM=managed</c>.
/// </summary>
internal static class SocketPlatform
{
    /// <summary>The AppContext switch that chooses <see cref="ManagedSocketPlatform"/>.</summary>
    public const string ManagedSwitch = "Sockit.UseManagedPlatform";

    /// <summary>The environment variable that chooses <see cref="ManagedSocketPlatform"/> when it is <c>managed</c>.</summary>
    public const string EnvironmentVariable = "SOCKIT_PLATFORM";

    private static readonly Lazy<ISocketPlatform> s_current = new(Choose);

    public static ISocketPlatform Current => s_current.Value;

    private static ISocketPlatform Choose() =>
        ManagedChosen() || !HasGlibc() ? new ManagedSocketPlatform() : new LinuxSocketPlatform();

    private static bool ManagedChosen() =>
        (AppContext.TryGetSwitch(ManagedSwitch, out var chosen) && chosen)
        || string.Equals(Environment.GetEnvironmentVariable(EnvironmentVariable), "managed", StringComparison.OrdinalIgnoreCase);

    // glibc, not just Linux: LinuxSocketPlatform's calls are written and tested against glibc, not musl (Alpine). A .NET
    // built for musl says so in its runtime identifier; otherwise glibc is the libc that exports gnu_get_libc_version.
    private static bool HasGlibc() =>
        OperatingSystem.IsLinux()
        && !RuntimeInformation.RuntimeIdentifier.Contains("musl", StringComparison.OrdinalIgnoreCase)
        && NativeLibrary.TryLoad("libc.so.6", out var libc)
        && NativeLibrary.TryGetExport(libc, "gnu_get_libc_version", out _);
}
