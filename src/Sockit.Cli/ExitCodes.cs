namespace Sockit.Cli;

/// <summary>
/// sysexits(3) codes, as docs/ARCHITECTURE.md ("Exit codes") lists them, and two of curl's for HTTP outcomes that
/// scripts ported from curl already test for: 22 (<c>get --fail</c> on a status of 400 or more) and 47 (too many redirects),
/// and a shell's two for a program <c>--exec</c> cannot run: 126 (not runnable) and 127 (not found).
/// </summary>
internal static class ExitCodes
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int HttpError = 22;
    public const int TooManyRedirects = 47;
    public const int Usage = 64;
    public const int DataError = 65;
    public const int NoInput = 66;
    public const int NoHost = 68;
    public const int Unavailable = 69;
    public const int Software = 70;
    public const int IoError = 74;
    public const int TempFail = 75;
    public const int Protocol = 76;

    /// <summary>
    /// EX_NOPERM: the peer's TLS certificate is not trusted (<see cref="SockitFailure.Untrusted"/>), or a proxy wants
    /// credentials or refused them (<see cref="SockitFailure.Unauthorized"/>).
    /// </summary>
    public const int Untrusted = 77;

    /// <summary>The program <c>--exec</c> names was found but cannot be run (not executable): the shell's 126, as env(1) and xargs(1) use it.</summary>
    public const int CannotExecute = 126;

    /// <summary>The program <c>--exec</c> names is not found: the shell's 127, as env(1) and xargs(1) use it.</summary>
    public const int CommandNotFound = 127;
    public const int Interrupted = 130;

    public static int For(SockitFailure failure) => failure switch
    {
        SockitFailure.NotFound => NoHost,
        SockitFailure.Refused or SockitFailure.Unreachable or SockitFailure.AddressInUse => Unavailable,
        SockitFailure.TimedOut => TempFail,
        SockitFailure.Reset or SockitFailure.Truncated or SockitFailure.Io => IoError,
        SockitFailure.Protocol => Protocol,
        SockitFailure.TooManyRedirects => TooManyRedirects,
        SockitFailure.Untrusted or SockitFailure.Unauthorized => Untrusted,
        _ => Software,
    };
}
