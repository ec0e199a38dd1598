namespace Sockit.Exec;

/// <summary>
/// A program could not be started (<see cref="ExecCommand.Locate"/>, <see cref="ProcessRelay"/>): not found
/// (<see cref="SockitFailure.NotFound"/>, ENOENT) or found but not runnable (<see cref="SockitFailure.Io"/>: EACCES,
/// ENOEXEC, or another errno of execve). The shells' exit statuses for these are 127 and 126.
/// </summary>
public sealed class ProgramStartException : SockitException
{
    /// <summary>ENOENT: no such file.</summary>
    public const int NoSuchFile = 2;

    /// <summary>EACCES: not executable (or a directory).</summary>
    public const int PermissionDenied = 13;

    /// <summary>Creates the exception for <paramref name="fileName"/> and the OS's <paramref name="errorNumber"/>.</summary>
    public ProgramStartException(string fileName, int errorNumber, Exception? innerException = null)
        : base(errorNumber == NoSuchFile ? SockitFailure.NotFound : SockitFailure.Io, $"cannot run '{fileName}': {Describe(errorNumber)}", innerException)
    {
        FileName = fileName;
        ErrorNumber = errorNumber;
    }

    /// <summary>The program as it was asked for.</summary>
    public string FileName { get; }

    /// <summary>The OS's errno: <see cref="NoSuchFile"/>, <see cref="PermissionDenied"/>, or another of execve's.</summary>
    public int ErrorNumber { get; }

    /// <summary>True when a file was found but could not be run (the shell's 126, rather than 127 for not found).</summary>
    public bool FoundButNotRunnable => ErrorNumber != NoSuchFile;

    private static string Describe(int errorNumber) => errorNumber switch
    {
        NoSuchFile => "No such file or directory",
        PermissionDenied => "Permission denied",
        8 => "Exec format error",
        _ => $"error {errorNumber}",
    };
}
