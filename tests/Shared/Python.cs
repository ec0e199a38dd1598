namespace Sockit.Testing;

/// <summary>python3's socket module as the oracle: runs a script and returns what it printed.</summary>
public static class Python
{
    public static async Task<string> RunAsync(string script, TimeSpan? timeout = null)
    {
        var python = Peers.Require("python3");
        var result = await ProcessRunner.RunAsync(python, ["-c", script], timeout: timeout);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"python3 failed ({result.ExitCode}): {result.Stderr}");
        }
        return result.Stdout;
    }
}
