namespace Sockit.Cli.Tests.Commands;

/// <summary>
/// <c>service --file</c> on files that are not services files: an endless line (/dev/zero), endless random bytes
/// (/dev/urandom), a file past the size bound. One line and exit 65 (EX_DATAERR) at once, not a read until memory runs out.
/// </summary>
public sealed class ServiceFileBoundsTests
{
    [Theory]
    [InlineData("/dev/zero", "line 1 is longer than 65536 bytes")]
    [InlineData("/dev/urandom", "it is larger than 16 MiB")]
    public async Task Device_NotAServicesFile_OneLineExit65(string path, string why)
    {
        // As a process: before the bound, /dev/zero read until OutOfMemory (exit 70 at 4 GB) and /dev/urandom ran on,
        // past this timeout.
        var result = await Cli.RunProcessAsync(["service", "ssh", "--file", path], timeout: TimeSpan.FromSeconds(20));

        Assert.Equal(65, result.ExitCode);
        Assert.Empty(result.StdoutBytes);
        Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"sockit: '{path}' is not a services file: {why}", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("(give --file a services(5) file, such as /etc/services)\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FileLargerThan16MiB_Exit65_Json()
    {
        var file = Path.GetTempFileName();
        try
        {
            // Good lines, but 17 MiB of them: no services file is that large.
            var line = "svc 4242/tcp alias\n"u8.ToArray();
            await using (var stream = File.Create(file))
            {
                for (var written = 0; written < 17 << 20; written += line.Length)
                {
                    stream.Write(line);
                }
            }
            var result = await Cli.RunAsync("service", "svc", "--file", file, "--format", "json");

            Assert.Equal(65, result.ExitCode);
            Assert.Equal($$"""{"error":"data","exit":65,"message":"'{{file}}' is not a services file: it is larger than 16 MiB (give --file a services(5) file, such as /etc/services)"}""" + "\n", result.Stderr);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task LongestLineWithinTheBound_IsRead()
    {
        var file = Path.GetTempFileName();
        try
        {
            // 65536 bytes on one line, the most allowed: still a services file.
            var text = "svc 4242/tcp " + new string('a', 65536 - 13) + "\n";
            await File.WriteAllTextAsync(file, text, TestContext.Current.CancellationToken);
            var result = await Cli.RunAsync("service", "svc", "--file", file, "--format", "python");

            Assert.Equal(0, result.ExitCode);
            Assert.Equal("4242\n", result.Stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
