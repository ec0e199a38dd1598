using System.Text;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Completion;

/// <summary>
/// The script `sockit completion bash` prints, sourced into a real bash and asked for completions the way bash's
/// programmable completion asks (COMP_WORDS, COMP_CWORD, then the function): the expected words are written by hand.
/// </summary>
public sealed class BashCompletionTests
{
    [Theory]
    [InlineData("sockit res", "resolve")]
    [InlineData("sockit co", "connect constants completion")]
    [InlineData("sockit resolve --format ", "text json python")]
    [InlineData("sockit resolve --fa", "--family")]
    [InlineData("sockit resolve localhost --family ", "inet inet6 any")]
    [InlineData("sockit resolve --type s", "stream")]
    [InlineData("sockit socket --family ", "inet inet6 unix")]
    [InlineData("sockit service --proto ", "tcp udp")]
    [InlineData("sockit constants --prefix ", "AF_ SOCK_ IPPROTO_")]
    [InlineData("sockit --format json ser", "service")]
    [InlineData("sockit completion ", "bash zsh fish man")]
    [InlineData("sockit get --he", "--help --head --header")]
    [InlineData("sockit listen --reply hi --e", "--echo --exec")]
    public async Task Complete_Line_OffersTheseWords(string line, string expected)
    {
        var offered = await CompleteAsync(line);
        // In any order: bash sorts what it shows.
        Assert.Equal(expected.Split(' ').Order(StringComparer.Ordinal), offered.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("sockit connect --send ")]
    [InlineData("sockit resolve --timeout ")]
    [InlineData("sockit host ")]
    public async Task Complete_FreeValueOrNothingLeft_OffersNothing(string line)
    {
        Assert.Empty(await CompleteAsync(line));
    }

    [Fact]
    public async Task Complete_FileOption_OffersFileNames()
    {
        var directory = Directory.CreateTempSubdirectory("sockit-completion-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "services.test"), "", TestContext.Current.CancellationToken);
            var offered = await CompleteAsync($"sockit service --file {directory.FullName}/serv");
            Assert.Equal([$"{directory.FullName}/services.test"], offered);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    // Sources the script in a fresh bash, splits the line as bash would for a cursor at its end, calls _sockit
    // and prints COMPREPLY one word a line.
    private static async Task<string[]> CompleteAsync(string line)
    {
        var script = await Cli.RunAsync("completion", "bash");
        Assert.Equal(0, script.ExitCode);
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, script.Stdout, TestContext.Current.CancellationToken);
            var words = line.Split(' ');
            var driver = new StringBuilder()
                .Append($"source {MountNamespace.Quote(path)}\n")
                .Append("COMP_WORDS=(").AppendJoin(' ', words.Select(MountNamespace.Quote)).Append(")\n")
                .Append($"COMP_CWORD={words.Length - 1}\n")
                .Append("_sockit\n")
                .Append("printf '%s\\n' \"${COMPREPLY[@]}\"\n")
                .ToString();
            var result = await ProcessRunner.RunAsync(Peers.Require("bash"), ["--norc", "--noprofile", "-c", driver]);
            Assert.Equal("", result.Stderr);
            Assert.Equal(0, result.ExitCode);
            return Encoding.UTF8.GetString(result.StdoutBytes).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
