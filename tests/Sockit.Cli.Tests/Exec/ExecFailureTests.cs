namespace Sockit.Cli.Tests.Exec;

/// <summary>A program that cannot run, and --exec that does not go with other flags: one line and its exit code, before any socket.</summary>
public sealed class ExecFailureTests
{
    [Fact]
    public async Task ListenExec_ProgramNotInPath_Exit127OneLine()
    {
        var result = await Cli.RunAsync("listen", "0", "--exec", "sockit-no-such-program", "arg");
        Assert.Equal(127, result.ExitCode);
        Assert.Equal("sockit: cannot run 'sockit-no-such-program': No such file or directory (check the name: --exec looks for it in PATH and runs no shell; give its path, or a shell line with --sh-exec)\n", result.Stderr);
        Assert.Empty(result.StdoutBytes);
    }

    [Fact]
    public async Task ConnectExec_FileNotExecutable_Exit126OneLine()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var result = await Cli.RunAsync("connect", "127.0.0.1", "9", "--exec", path);
            Assert.Equal(126, result.ExitCode);
            Assert.Equal($"sockit: cannot run '{path}': Permission denied (it must be an executable file, not a directory: chmod +x it, or give a shell line with --sh-exec)\n", result.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ListenExec_JsonFormat_CannotRunIsOneJsonLine()
    {
        var result = await Cli.RunAsync("--format", "json", "listen", "0", "--exec", "./sockit-no-such-program");
        Assert.Equal(127, result.ExitCode);
        Assert.Equal("{\"error\":\"cannot-run\",\"exit\":127,\"message\":\"cannot run './sockit-no-such-program': No such file or directory (check the path)\"}\n", result.Stderr);
    }

    [Theory]
    [InlineData(new[] { "listen", "0", "--echo", "--exec", "cat" }, "sockit: --exec and --sh-exec need a stream socket and nobody else answering: drop --echo, --reply and -u\n")]
    [InlineData(new[] { "listen", "0", "-u", "--sh-exec", "cat" }, "sockit: --exec and --sh-exec need a stream socket and nobody else answering: drop --echo, --reply and -u\n")]
    [InlineData(new[] { "connect", "127.0.0.1", "9", "--send", "x", "--exec", "cat" }, "sockit: --exec and --sh-exec take the place of stdin and stdout: drop --send and -z\n")]
    [InlineData(new[] { "listen", "0", "--sh-exec", "cat", "--exec", "cat" }, "sockit: give --exec CMD ARGS or --sh-exec LINE, not both\n")]
    [InlineData(new[] { "listen", "0", "--sh-exec", " " }, "sockit: --sh-exec is empty: give a command line (--sh-exec 'tr a-z A-Z')\n")]
    public async Task Exec_FlagsThatDoNotGoTogether_UsageLineExit64(string[] args, string stderr)
    {
        var result = await Cli.RunAsync(args);
        Assert.Equal(64, result.ExitCode);
        Assert.Equal(stderr, result.Stderr);
    }
}
