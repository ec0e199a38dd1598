namespace Sockit.Cli.Tests.Commands;

public sealed class RootCommandTests
{
    private const string Commands = "service, host, resolve, socket, constants, connect, listen, nc, forward, get, tls, bench, tour, completion";

    [Theory]
    [InlineData("service")]
    [InlineData("host")]
    [InlineData("resolve")]
    [InlineData("socket")]
    [InlineData("constants")]
    [InlineData("connect")]
    [InlineData("listen")]
    [InlineData("forward")]
    [InlineData("get")]
    [InlineData("tour")]
    public async Task Help_EveryCommand_ExitsZeroWithUsageAndFormat(string command)
    {
        var result = await Cli.RunAsync(command, "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"sockit {command}", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("--format <text|json|python>", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Help_Root_ListsEveryCommand()
    {
        var result = await Cli.RunAsync("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (var command in Commands.Split(", "))
        {
            Assert.Contains($"  {command}", result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NoCommand_OneLineNamingTheCommands()
    {
        var result = await Cli.RunAsync();
        Assert.Equal(64, result.ExitCode);
        Assert.Equal($"sockit: give a command: {Commands} (try 'sockit tour' to start, or 'sockit --help')\n", result.Stderr);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("--bogus")]
    public async Task UnknownCommand_OneLineNamingTheCommands(string token)
    {
        var result = await Cli.RunAsync(token);
        Assert.Equal(64, result.ExitCode);
        Assert.Equal($"sockit: unknown command or option '{token}': the commands are {Commands} (try 'sockit --help')\n", result.Stderr);
    }

    [Fact]
    public async Task BadFormatWithoutCommand_SaysWhatFormatTakes()
    {
        var result = await Cli.RunAsync("--format", "xml");
        Assert.Equal(64, result.ExitCode);
        Assert.Equal("sockit: --format takes text, json or python, not 'xml' (try 'sockit --help')\n", result.Stderr);
    }

    [Fact]
    public async Task Program_AsAProcess_SameOneLineAndNoStackTrace()
    {
        var result = await Cli.RunProcessAsync(["service", "no-such-service"]);
        Assert.Equal(68, result.ExitCode);
        Assert.Equal("sockit: service 'no-such-service' not found for any protocol\n", result.Stderr);
        Assert.Empty(result.Stdout);
    }
}
