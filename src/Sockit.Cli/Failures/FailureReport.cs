using System.Net.Sockets;

namespace Sockit.Cli.Failures;

/// <summary>
/// A failure as the user sees it: its kind (<c>refused</c>, <c>not-found</c>, <c>usage</c>, ...), the exit code
/// (<see cref="ExitCodes"/>) and one line of text (what failed: why (what to try)), without the <c>sockit: </c> prefix.
/// Built from any exception a command lets out; <see cref="FailureOutput"/> renders it as text or JSON.
/// </summary>
internal sealed record FailureReport(string Kind, int ExitCode, string Message)
{
    public const string UsageKind = "usage";

    private const string TooManyRedirectsKind = "too-many-redirects";

    private const string CannotRunKind = "cannot-run";

    public static FailureReport Usage(string message) => new(UsageKind, ExitCodes.Usage, message);

    public static FailureReport From(Exception exception, FailureContext context) => exception switch
    {
        CliException e => new(KindOf(e.ExitCode), e.ExitCode, e.Message),
        // Arguments the OS refused as not going together are the user's to fix: a usage error, with the advice.
        LookupException e when FailureAdvice.IsArgumentMismatch(e) => Usage(FailureAdvice.Describe(e, context)),
        Sockets.SocketCreationException e when FailureAdvice.IsArgumentMismatch(e) => Usage(FailureAdvice.Describe(e, context)),
        // A program that cannot run is the shell's 127 (not found) or 126 (not runnable), the numbers scripts test for.
        Exec.ProgramStartException e => new(CannotRunKind, e.FoundButNotRunnable ? ExitCodes.CannotExecute : ExitCodes.CommandNotFound, FailureAdvice.Describe(e, context)),
        SockitException e => new(KindOf(e.Failure), ExitCodes.For(e.Failure), FailureAdvice.Describe(e, context)),
        // An input file that is not what it should be (service --file /dev/zero): EX_DATAERR.
        InvalidDataException e => new("data", ExitCodes.DataError, FailureAdvice.Describe(e, context)),
        FileNotFoundException e => new("no-input", ExitCodes.NoInput, $"cannot read '{e.FileName}': no such file (check the path)"),
        DirectoryNotFoundException e => new("no-input", ExitCodes.NoInput, $"{e.Message} (check the path)"),
        UnauthorizedAccessException e => new("no-input", ExitCodes.NoInput, $"{e.Message} (check the file's permissions)"),
        // stdout's reader went away or stdout is closed: an I/O failure on the output side, as curl's write error.
        OutputClosedException e => new("io", ExitCodes.IoError, e.Message),
        SocketException e => new("unavailable", ExitCodes.Unavailable, $"socket error: {e.Message} ({e.SocketErrorCode})"),
        IOException e => new("io", ExitCodes.IoError, $"I/O error: {e.Message}"),
        _ => new("internal", ExitCodes.Software, $"internal error: {exception.GetType().Name}: {exception.Message} (please report this)"),
    };

    /// <summary>The JSON <c>error</c> of a library failure kind.</summary>
    public static string KindOf(SockitFailure failure) => failure switch
    {
        SockitFailure.NotFound => "not-found",
        SockitFailure.Refused => "refused",
        SockitFailure.Unreachable => "unreachable",
        SockitFailure.TimedOut => "timed-out",
        SockitFailure.Reset => "reset",
        SockitFailure.Truncated => "truncated",
        SockitFailure.Protocol => "protocol",
        SockitFailure.AddressInUse => "address-in-use",
        SockitFailure.TooManyRedirects => TooManyRedirectsKind,
        SockitFailure.Untrusted => "untrusted",
        SockitFailure.Unauthorized => "unauthorized",
        _ => "io",
    };

    // A failure the CLI found itself carries only its exit code: name the kind after it.
    private static string KindOf(int exitCode) => exitCode switch
    {
        ExitCodes.Usage => UsageKind,
        ExitCodes.DataError => "data",
        ExitCodes.NoInput => "no-input",
        ExitCodes.NoHost => "not-found",
        ExitCodes.Unavailable => "unavailable",
        ExitCodes.TempFail => "timed-out",
        ExitCodes.Protocol => "protocol",
        ExitCodes.IoError => "io",
        ExitCodes.CheckFailed => "check-failed",
        ExitCodes.HttpError => "http-error",
        ExitCodes.TooManyRedirects => TooManyRedirectsKind,
        ExitCodes.Untrusted => "untrusted",
        ExitCodes.CannotExecute or ExitCodes.CommandNotFound => CannotRunKind,
        _ => "internal",
    };
}
