using System.Globalization;

namespace Sockit.Testing;

/// <summary>
/// microsocks, a SOCKS5 server (RFC 1928), on 127.0.0.1: without authentication, or with RFC 1929's username and
/// password. <see cref="StartInNamespaceAsync"/> runs it in a private mount namespace with its own /etc/hosts, so it
/// can resolve a name nothing else here knows. Killed on dispose.
/// </summary>
public static class Microsocks
{
    public static Task<LoopbackDaemon> StartAsync(string? user = null, string? password = null)
    {
        var microsocks = Peers.Require("microsocks");
        return LoopbackDaemon.StartAsync(microsocks, port => user is null
            ? ["-i", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture)]
            : ["-i", "127.0.0.1", "-p", port.ToString(CultureInfo.InvariantCulture), "-u", user, "-P", password!], "microsocks");
    }

    /// <summary>microsocks in <c>unshare -m</c> with <paramref name="hostsPath"/> bind-mounted over /etc/hosts (and an nsswitch.conf of files only).</summary>
    public static Task<LoopbackDaemon> StartInNamespaceAsync(string hostsPath, string nsswitchPath)
    {
        Peers.RequireRoot();
        var microsocks = Peers.Require("microsocks");
        var unshare = Peers.Require("unshare");
        return LoopbackDaemon.StartAsync(unshare, port =>
            ["-m", "--propagation", "private", "sh", "-c",
             $"mount --bind {MountNamespace.Quote(hostsPath)} /etc/hosts && mount --bind {MountNamespace.Quote(nsswitchPath)} /etc/nsswitch.conf && exec {MountNamespace.Quote(microsocks)} -i 127.0.0.1 -p {port.ToString(CultureInfo.InvariantCulture)}"],
            "microsocks in a mount namespace");
    }
}
