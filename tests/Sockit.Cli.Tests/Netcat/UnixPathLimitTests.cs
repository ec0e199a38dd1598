namespace Sockit.Cli.Tests.Netcat;

/// <summary>
/// A <c>-U</c> path longer than Linux's <c>sun_path</c> (108 bytes with the closing NUL, so 107 bytes of path) is
/// refused in one line naming the limit, exit 64, before any socket is made.
/// </summary>
public sealed class UnixPathLimitTests
{
    [Theory]
    [InlineData("connect")]
    [InlineData("listen")]
    public async Task PathOver107Bytes_Usage64_NamesTheLimit(string command)
    {
        // 108 bytes: one more than sun_path holds (see unix(7): "sun_path[108]", NUL-terminated).
        var path = "/tmp/" + new string('s', 103);
        Assert.Equal(108, System.Text.Encoding.UTF8.GetByteCount(path));
        var result = await Cli.RunAsync(command, "-U", path);
        Assert.Equal(64, result.ExitCode);
        Assert.Equal("sockit: -U path is 108 bytes long: a Unix socket path holds at most 107 bytes on Linux (sun_path is 108 with the closing NUL); use a shorter path, e.g. under /tmp\n", result.Stderr);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task MultiByteCharacters_CountAsBytes()
    {
        // 36 three-byte characters: 36 characters, but 108 + 5 bytes.
        var path = "/tmp/" + new string('\u20ac', 36);
        var result = await Cli.RunAsync("connect", "-U", path);
        Assert.Equal(64, result.ExitCode);
        Assert.Contains("-U path is 113 bytes long", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PathOf107Bytes_IsTakenByListen()
    {
        var directory = Directory.CreateTempSubdirectory("sockit-");
        try
        {
            var path = directory.FullName + "/";
            path += new string('s', 107 - System.Text.Encoding.UTF8.GetByteCount(path));
            Assert.Equal(107, System.Text.Encoding.UTF8.GetByteCount(path));
            var (listen, _) = await BackgroundProcess.SockitListenAsync("-U", path, "--echo");
            await using (listen)
            {
                Assert.Contains($"listening on {path} (unix, echo)", listen.Stderr, StringComparison.Ordinal);
            }
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
