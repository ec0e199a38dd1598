using System.Text;
using Sockit.Testing;

namespace Sockit.Cli.Tests;

/// <summary>What one run of sockit printed and returned.</summary>
public sealed record CliResult(int ExitCode, byte[] StdoutBytes, string Stderr)
{
    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);
}

/// <summary>Runs sockit in-process (fast, captured streams) or as a real process (for stdin, signals, namespaces).</summary>
public static class Cli
{
    /// <summary>Runs <c>sockit ARGS</c> in this process with captured stdin, stdout and stderr.</summary>
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, stdin: null);

    public static async Task<CliResult> RunAsync(string[] args, byte[]? stdin, CancellationToken cancellationToken = default)
    {
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        var console = new CliConsole(new MemoryStream(stdin ?? []), stdout, stderr);
        var exitCode = await SockitApp.RunAsync(args, console, cancellationToken);
        return new CliResult(exitCode, stdout.ToArray(), Encoding.UTF8.GetString(stderr.ToArray()));
    }

    /// <summary>The built program, as <c>dotnet exec Sockit.Cli.dll</c> (copied beside the tests by the project reference).</summary>
    public static string ProgramPath => Path.Combine(AppContext.BaseDirectory, "Sockit.Cli.dll");

    /// <summary>The command line that starts sockit as a process, for scripts: <c>'dotnet' 'exec' '.../Sockit.Cli.dll'</c>.</summary>
    public static string ShellCommand => $"{MountNamespace.Quote(DotnetPath)} exec {MountNamespace.Quote(ProgramPath)}";

    public static string DotnetPath => Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet"
        ? p
        : Peers.Find("dotnet") ?? "dotnet";

    /// <summary>Runs sockit as a separate process.</summary>
    public static Task<ProcessResult> RunProcessAsync(string[] args, byte[]? stdin = null, TimeSpan? timeout = null, IDictionary<string, string>? environment = null) =>
        ProcessRunner.RunAsync(DotnetPath, ["exec", ProgramPath, .. args], stdin, timeout, environment);

    /// <summary>
    /// Runs sockit as a process where the only names are a known hosts file's and the host name is
    /// <see cref="KnownNames.HostName"/> (<see cref="KnownNames"/>): for commands that resolve this machine's own name.
    /// </summary>
    public static Task<ProcessResult> RunWithKnownNamesAsync(string[] args, byte[]? stdin = null, string hosts = KnownNames.DefaultHosts, TimeSpan? timeout = null) =>
        KnownNames.RunAsync($"exec {ShellCommand} {string.Join(' ', args.Select(MountNamespace.Quote))}\n", hosts, stdin: stdin, timeout: timeout ?? TimeSpan.FromSeconds(60));
}
