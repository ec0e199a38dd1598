using Sockit.Testing;

namespace Sockit.Cli.Tests.Output;

/// <summary>
/// stdout a regular file that the shell shares with other commands (<c>{ a; sockit ...; b; } &gt; log</c>, or
/// <c>&gt;&gt; log</c>): sockit must write at the file's shared offset and move it on, so that what comes before and
/// after it lands around its output, not on top of it. The oracle is the same command's output through a pipe, and
/// the shell's own lines.
/// </summary>
public sealed class SharedOffsetTests
{
    [Theory]
    [InlineData("service ssh")]
    [InlineData("--help")]
    [InlineData("--format json constants")]
    public async Task OutputBetweenTheShellsLines_InOrder_NothingOverwritten(string arguments)
    {
        var log = Path.Combine(Directory.CreateTempSubdirectory("sockit-offset-").FullName, "log");
        var alone = await ProcessRunner.RunAsync("/bin/bash", ["-c", $"{Cli.ShellCommand} {arguments} | cat"], timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(0, alone.ExitCode);
        Assert.NotEmpty(alone.Stdout);

        var grouped = await ProcessRunner.RunAsync("/bin/bash", ["-c", $"{{ echo first; {Cli.ShellCommand} {arguments}; echo last; }} > '{log}'"], timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(0, grouped.ExitCode);
        Assert.Equal("first\n" + alone.Stdout + "last\n", await File.ReadAllTextAsync(log, TestContext.Current.CancellationToken));
        Directory.Delete(Path.GetDirectoryName(log)!, recursive: true);
    }

    [Fact]
    public async Task AppendedToAFile_AfterWhatItHeld()
    {
        var log = Path.Combine(Directory.CreateTempSubdirectory("sockit-offset-").FullName, "log");
        await File.WriteAllTextAsync(log, "already here\n", TestContext.Current.CancellationToken);
        var alone = await ProcessRunner.RunAsync("/bin/bash", ["-c", $"{Cli.ShellCommand} service ssh | cat"], timeout: TimeSpan.FromSeconds(30));

        var appended = await ProcessRunner.RunAsync("/bin/bash", ["-c", $"{Cli.ShellCommand} service ssh >> '{log}'; echo after >> '{log}'"], timeout: TimeSpan.FromSeconds(30));

        Assert.Equal(0, appended.ExitCode);
        Assert.Equal("already here\n" + alone.Stdout + "after\n", await File.ReadAllTextAsync(log, TestContext.Current.CancellationToken));
        Directory.Delete(Path.GetDirectoryName(log)!, recursive: true);
    }
}
