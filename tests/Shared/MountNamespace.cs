namespace Sockit.Testing;

/// <summary>
/// Runs a shell script in a private mount namespace (<c>unshare -m</c>, root on Linux), where the script may
/// bind-mount its own /etc/hosts or /etc/services without touching the machine.
/// </summary>
public static class MountNamespace
{
    public static async Task<ProcessResult> RunAsync(string script, TimeSpan? timeout = null)
    {
        Peers.RequireRoot();
        var unshare = Peers.Require("unshare");
        // --propagation private keeps every mount inside the namespace.
        return await ProcessRunner.RunAsync(unshare, ["-m", "--propagation", "private", "sh", "-c", script], timeout: timeout);
    }

    /// <summary>Single-quotes a value for sh.</summary>
    public static string Quote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
