namespace Sockit.Exec;

/// <summary>
/// A program to run with a connection as its stdin and stdout (<see cref="ProcessRelay"/>): a file name and its
/// arguments, passed to the program exactly as given (no shell, no splitting, no quoting), or with <see cref="Shell"/>
/// one line for <c>/bin/sh -c</c>. A file name without a slash is looked for in <c>PATH</c>, as <c>execvp</c> does
/// (never in the current directory unless <c>PATH</c> says so).
/// </summary>
public sealed class ExecCommand
{
    /// <summary>The shell <see cref="Shell"/> runs.</summary>
    public const string ShellPath = "/bin/sh";

    /// <summary>Creates the command: <paramref name="fileName"/> with <paramref name="arguments"/> as its argv[1..].</summary>
    public ExecCommand(string fileName, IReadOnlyList<string>? arguments = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        FileName = fileName;
        Arguments = arguments ?? [];
    }

    /// <summary>The program: a path, or a name looked for in <c>PATH</c>.</summary>
    public string FileName { get; }

    /// <summary>Its arguments, each passed as one argv entry, exactly.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary><c>/bin/sh -c <paramref name="line"/></c>: for pipes, redirections and variables.</summary>
    public static ExecCommand Shell(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        return new ExecCommand(ShellPath, ["-c", line]);
    }

    /// <summary>
    /// The file that will run: <see cref="FileName"/> itself when it holds a slash, else the first executable file of
    /// that name in <c>PATH</c>'s directories. Throws <see cref="ProgramStartException"/> when there is none (ENOENT)
    /// or the file found cannot be run (EACCES: not executable, or a directory).
    /// </summary>
    public string Locate()
    {
        if (FileName.Contains('/', StringComparison.Ordinal))
        {
            return Check(FileName) is { } error ? throw new ProgramStartException(FileName, error) : FileName;
        }
        var denied = false;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        foreach (var directory in path.Split(':', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, FileName);
            switch (Check(candidate))
            {
                case null:
                    return candidate;
                case ProgramStartException.PermissionDenied:
                    // execvp goes on looking, and reports EACCES only when nothing else is found.
                    denied = true;
                    break;
            }
        }
        throw new ProgramStartException(FileName, denied ? ProgramStartException.PermissionDenied : ProgramStartException.NoSuchFile);
    }

    /// <summary>The command as a person would type it (for messages); arguments with spaces or quotes are quoted for sh.</summary>
    public override string ToString() => string.Join(' ', Arguments.Prepend(FileName).Select(Quote));

    // Null when the file exists and has an execute bit; else the errno execve would give.
    private static int? Check(string file)
    {
        if (Directory.Exists(file))
        {
            return ProgramStartException.PermissionDenied;
        }
        if (!File.Exists(file))
        {
            return ProgramStartException.NoSuchFile;
        }
        if (OperatingSystem.IsWindows())
        {
            return null;
        }
        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(file) & anyExecute) != 0 ? null : ProgramStartException.PermissionDenied;
    }

    private static string Quote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c, StringComparison.Ordinal))
            ? word
            : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
