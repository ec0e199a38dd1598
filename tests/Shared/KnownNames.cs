using System.Text;

namespace Sockit.Testing;

/// <summary>
/// Runs a shell script where every name it can resolve is the test's own: a private mount and UTS namespace
/// (<c>unshare -m -u</c>, root on Linux) with a hosts file bind-mounted over /etc/hosts, an nsswitch.conf that reads
/// only files (so an unknown name fails at once instead of reaching a DNS server), and a host name of its own. Tests
/// that resolve this machine's own name (<c>sockit host</c>, the tour) run there, so that a machine whose name is not
/// in its /etc/hosts (a fresh CI runner) neither fails them nor sends a DNS query off the machine.
/// </summary>
public static class KnownNames
{
    // No byte-order mark: sh would take it for part of the first word.
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The host name inside the namespace.</summary>
    public const string HostName = "sockit-host";

    /// <summary>The fully qualified name of <see cref="HostName"/> in <see cref="DefaultHosts"/>.</summary>
    public const string FullyQualifiedName = "sockit-host.sockit.test";

    /// <summary>The address of <see cref="HostName"/> in <see cref="DefaultHosts"/>.</summary>
    public const string HostAddress = "127.0.1.1";

    /// <summary>localhost (IPv4 only, so that answers do not depend on the machine's IPv6 set-up) and the host's own name.</summary>
    public const string DefaultHosts = $"127.0.0.1\tlocalhost\n::1\tip6-localhost ip6-loopback\n{HostAddress}\t{FullyQualifiedName} {HostName}\n";

    /// <summary>
    /// Runs <paramref name="script"/> with sh in the namespace, /etc/hosts being <paramref name="hosts"/> and the host
    /// name <paramref name="hostName"/>. The network is the machine's: servers the test started on loopback are reachable.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(
        string script, string hosts = DefaultHosts, string hostName = HostName, byte[]? stdin = null, TimeSpan? timeout = null)
    {
        Peers.RequireRoot();
        var unshare = Peers.Require("unshare");
        var directory = Directory.CreateTempSubdirectory("sockit-names-");
        try
        {
            var hostsPath = Path.Combine(directory.FullName, "hosts");
            var nsswitchPath = Path.Combine(directory.FullName, "nsswitch.conf");
            var scriptPath = Path.Combine(directory.FullName, "script.sh");
            await File.WriteAllTextAsync(hostsPath, hosts.ReplaceLineEndings("\n"), s_utf8);
            await File.WriteAllTextAsync(nsswitchPath, "hosts: files\nservices: files\nprotocols: files\n", s_utf8);
            await File.WriteAllTextAsync(scriptPath, script, s_utf8);
            var setup = $"mount --bind {Quote(hostsPath)} /etc/hosts && mount --bind {Quote(nsswitchPath)} /etc/nsswitch.conf && hostname {Quote(hostName)} "
                + $"|| {{ echo 'known-names namespace: set-up failed' >&2; exit 99; }}\nexec sh {Quote(scriptPath)}\n";
            // --propagation private keeps the mounts inside the namespace; -u makes `hostname` change this namespace's name only.
            var result = await ProcessRunner.RunAsync(unshare, ["-m", "-u", "--propagation", "private", "sh", "-c", setup], stdin, timeout);
            Assert.False(result.ExitCode == 99 && result.Stderr.Contains("known-names namespace: set-up failed", StringComparison.Ordinal), result.Stderr);
            return result;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Single-quotes a value for sh.</summary>
    public static string Quote(string value) => MountNamespace.Quote(value);
}
