using System.Runtime.InteropServices;

namespace Sockit.Interop.Linux;

/// <summary>The process's file-descriptor budget: its soft RLIMIT_NOFILE (<c>ulimit -n</c>) and how many are open now.</summary>
internal static partial class DescriptorLimit
{
    private const int RlimitNoFile = 7; // RLIMIT_NOFILE on Linux

    /// <summary>The soft limit, or null where it is unknown or unlimited.</summary>
    public static long? Soft()
    {
        if (!OperatingSystem.IsLinux() || GetRLimit(RlimitNoFile, out var limit) != 0 || limit.Current > int.MaxValue)
        {
            return null;
        }
        return (long)limit.Current;
    }

    /// <summary>How many descriptors the process has open (the entries of /proc/self/fd), or null off Linux.</summary>
    public static int? OpenCount()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        try
        {
            // Less the one the enumeration itself holds open.
            return Directory.EnumerateFileSystemEntries("/proc/self/fd").Count() - 1;
        }
        catch (IOException)
        {
            return null;
        }
    }

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int GetRLimit(int resource, out RLimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }
}
