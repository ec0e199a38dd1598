namespace Sockit.Testing;

/// <summary>
/// Real peer programs (python3, nginx, ncat, OpenBSD nc, socat, dnsmasq, curl, microsocks, tinyproxy, nft). A test whose peer is missing is skipped with the
/// reason, except under SOCKIT_REQUIRE_PEERS=1 (set by .ci/run), where it fails: CI must never pass by skipping.
/// </summary>
public static class Peers
{
    public static bool Required => Environment.GetEnvironmentVariable("SOCKIT_REQUIRE_PEERS") == "1";

    /// <summary>The full path of <paramref name="program"/> on PATH (or in /usr/sbin, where Debian puts daemons); skips or fails the test when missing.</summary>
    public static string Require(string program)
    {
        var path = Find(program);
        if (path is not null)
        {
            return path;
        }
        Unavailable($"peer program '{program}' is not installed (bash .ci/run installs it)");
        return null!;
    }

    /// <summary>Skips the test (or fails it under SOCKIT_REQUIRE_PEERS=1) because something it needs is not here.</summary>
    public static void Unavailable(string reason)
    {
        if (Required)
        {
            Assert.Fail($"{reason}; SOCKIT_REQUIRE_PEERS=1 forbids skipping");
        }
        Assert.Skip(reason);
    }

    /// <summary>Requires root (for unshare and bind mounts).</summary>
    public static void RequireRoot()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Unavailable("needs root on Linux for a private mount namespace (unshare -m)");
        }
    }

    public static string? Find(string program)
    {
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Concat(["/usr/sbin", "/sbin", "/usr/local/sbin"]);
        return dirs.Where(d => d.Length > 0).Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
    }
}
