namespace Sockit.Cli.Tests.Bench;

/// <summary>sockit bench's command line: each wrong combination is one line and exit 64, before any socket is opened.</summary>
public sealed class BenchUsageTests
{
    [Theory]
    [InlineData(new[] { "bench", "localhost", "7", "--format", "python" }, "sockit bench has no python format (Python's socket module has no load generator to compare with): use --format json")]
    [InlineData(new[] { "bench", "localhost", "7", "-u", "--pipeline", "2" }, "--pipeline goes with TCP and -U: UDP sends one datagram at a time a socket, so each one's timeout is its own (raise -c for more load)")]
    [InlineData(new[] { "bench", "localhost", "7", "-u", "--size", "64k" }, "--size 65536 is more than one UDP datagram carries: at most 65507 bytes with -u")]
    [InlineData(new[] { "bench", "localhost", "7", "--duration", "1s", "--requests", "5" }, "give --duration or --requests, not both")]
    [InlineData(new[] { "bench", "localhost" }, "give the echo server's host and port (sockit bench localhost 7000) or -U PATH")]
    [InlineData(new[] { "bench", "-U", "/tmp/x.sock", "localhost" }, "-U PATH takes no HOST or PORT, and no -u (sockit bench -U /tmp/echo.sock)")]
    [InlineData(new[] { "bench", "localhost", "7", "--size", "16m", "--pipeline", "8" }, "--size 16 MiB x --pipeline 8 keeps more than 64 MiB in flight a connection: lower one of them")]
    public async Task Bench_WrongCombination_OneLineExit64(string[] arguments, string line)
    {
        var result = await Cli.RunAsync(arguments);
        Assert.Equal(64, result.ExitCode);
        Assert.Equal("", result.Stdout);
        Assert.Equal($"sockit: {line}\n", result.Stderr);
    }

    [Theory]
    [InlineData("--size", "0", "--size takes bytes such as 64, 64k (x1024) or 1m (x1048576), from 1 to 16 MiB (not '0')")]
    [InlineData("--size", "1g", "--size takes bytes such as 64, 64k (x1024) or 1m (x1048576), from 1 to 16 MiB (not '1g')")]
    [InlineData("-c", "0", "--connections takes a whole number from 1 to 10000 (not '0')")]
    [InlineData("--pipeline", "-1", "--pipeline takes a whole number from 1 to 4096 (not '-1')")]
    [InlineData("--requests", "x", "--requests takes a whole number greater than 0 (not 'x')")]
    public async Task Bench_BadNumber_SaysWhatItTakes(string option, string value, string line)
    {
        var result = await Cli.RunAsync("bench", "localhost", "7", option, value);
        Assert.Equal(64, result.ExitCode);
        Assert.Contains(line, result.Stderr, StringComparison.Ordinal);
    }
}
