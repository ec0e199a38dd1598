using Sockit.Interop.Linux;

namespace Sockit.Interop;

/// <summary>The platform sockit runs on.</summary>
internal static class SocketPlatform
{
    public static ISocketPlatform Current { get; } = OperatingSystem.IsLinux() ? new LinuxSocketPlatform() : new UnsupportedSocketPlatform();
}
