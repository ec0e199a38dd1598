using System.Globalization;
using System.Text.RegularExpressions;
using Sockit.Cli.Tests.Netcat;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Forward;

/// <summary><c>sockit forward</c> running in the background, and python3 clients that talk through it.</summary>
public static partial class ForwardProcess
{
    /// <summary>Starts <c>sockit forward ARGS</c>, waits for its "listening on" line, and returns the port it names (0 for a Unix socket).</summary>
    public static async Task<(BackgroundProcess Process, int Port)> StartAsync(params string[] arguments)
    {
        var process = BackgroundProcess.Sockit(["forward", .. arguments]);
        var line = await process.WaitForStderrAsync("listening on ");
        var match = PortPattern().Match(line);
        return (process, match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0);
    }

    /// <summary>Runs a python3 script (as a client) and returns its stdout; fails the test with its stderr when it fails.</summary>
    public static async Task<string> PythonAsync(string script, TimeSpan? timeout = null)
    {
        var result = await ProcessRunner.RunAsync(Peers.Require("python3"), ["-c", script], null, timeout ?? TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, $"python3 failed ({result.ExitCode}): {result.Stderr}");
        return result.Stdout;
    }

    public static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>A string as a python literal.</summary>
    public static string Py(string text) => PythonPeer.Quote(text);

    [GeneratedRegex(@"listening on (?:\d+\.\d+\.\d+\.\d+|\[[0-9a-f:]+\]):(\d+)")]
    private static partial Regex PortPattern();
}
