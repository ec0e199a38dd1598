namespace Sockit.Cli;

/// <summary>An expected failure the CLI itself detects (bad input, a missing file): one line on stderr and an exit code.</summary>
internal sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new(ExitCodes.Usage, message);
}
