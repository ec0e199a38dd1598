using System.Text;
using System.Text.RegularExpressions;
using Sockit.Servers;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Tour;

/// <summary>
/// <c>tour --format python</c> promises the transcript python3's interpreter would print for the same session. The
/// oracle is python3 itself: its code (the <c>&gt;&gt;&gt;</c> and <c>...</c> lines) runs statement by statement in
/// python3's interactive mode (<c>compile(..., 'single')</c>, which prints what the interpreter prints), and the
/// output must equal the transcript's, line for line.
/// </summary>
public sealed partial class TourTranscriptTests
{
    // Runs a transcript's code as the interactive interpreter does and prints the transcript it gives. A traceback is
    // written as doctest writes one, its frames elided as "  ...": the frames name python3's own files and lines.
    private const string Replay = """
        import sys, io, traceback
        lines = open(sys.argv[1], encoding='utf-8-sig').read().split('\n')
        statements = []
        for line in lines:
            if line.startswith('>>> '):
                statements.append([line])
            elif line.startswith('... ') and statements:
                statements[-1].append(line)
        names = {'__name__': '__main__'}
        out = sys.stdout
        for prompt_lines in statements:
            source = '\n'.join(l[4:] for l in prompt_lines) + '\n'
            for l in prompt_lines:
                out.write(l + '\n')
            if all(not l[4:].strip() or l[4:].lstrip().startswith('#') for l in prompt_lines):
                continue  # the interpreter prints nothing for a comment
            captured = io.StringIO()
            sys.stdout = captured
            try:
                exec(compile(source, '<stdin>', 'single'), names)
                sys.stdout = out
                out.write(captured.getvalue())
            except Exception as x:
                sys.stdout = out
                out.write(captured.getvalue())
                out.write('Traceback (most recent call last):\n  ...\n')
                out.write(traceback.format_exception_only(type(x), x)[-1])
        """;

    // A chunked page in three pieces, written by hand (RFC 9112 section 7.1), 100 ms apart: the lesson's loop stops after the first.
    private static readonly byte[][] s_chunkedPage =
    [
        "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n6\r\nfirst\n\r\n"u8.ToArray(),
        "7\r\nsecond\n\r\n"u8.ToArray(),
        "6\r\nthird\n\r\n0\r\n\r\n"u8.ToArray(),
    ];

    [Fact]
    public async Task Tour_PythonFormat_Python3PrintsTheSameTranscript()
    {
        var python = Peers.Require("python3");
        // The page's server outlives the tour, so that python3 can replay step 5 against it.
        await using var server = ScriptedHttpServer.Start(s_chunkedPage, TimeSpan.FromMilliseconds(100));
        var tour = await Cli.RunWithKnownNamesAsync(["tour", "--url", server.Url().ToString(), "--format", "python"]);
        Assert.True(tour.ExitCode == 0, tour.Stderr);
        var directory = Directory.CreateTempSubdirectory("sockit-transcript-");
        try
        {
            var transcriptPath = Path.Combine(directory.FullName, "tour.txt");
            var replayPath = Path.Combine(directory.FullName, "replay.py");
            await File.WriteAllTextAsync(transcriptPath, tour.Stdout, Encoding.UTF8, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(replayPath, Replay, Encoding.UTF8, TestContext.Current.CancellationToken);
            // The same known names as the tour had: the transcript asks for this machine's name.
            var replay = await KnownNames.RunAsync($"exec {KnownNames.Quote(python)} {KnownNames.Quote(replayPath)} {KnownNames.Quote(transcriptPath)}\n", timeout: TimeSpan.FromSeconds(60));
            Assert.True(replay.ExitCode == 0, replay.Stderr);

            var expected = Normalise(tour.Stdout).Split('\n');
            var actual = Normalise(replay.Stdout).Split('\n');
            for (var i = 0; i < Math.Min(expected.Length, actual.Length); i++)
            {
                Assert.True(expected[i] == actual[i], $"line {i + 1}: sockit's transcript has\n  {expected[i]}\npython3 printed\n  {actual[i]}");
            }
            Assert.Equal(expected.Length, actual.Length);
            Assert.Contains(">>> client_socket.sendall('Hey, can you hear me?')\nTraceback (most recent call last):\n  ...\nTypeError: a bytes-like object is required, not 'str'\n", tour.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain("\nNone\n", tour.Stdout, StringComparison.Ordinal);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    // Only what differs by nature between two runs: descriptor numbers (each process numbers its own) and ports in
    // socket addresses (ephemeral ports, and the lesson's port 50000 where another test held it).
    private static string Normalise(string transcript) =>
        Port().Replace(Descriptor().Replace(transcript.ReplaceLineEndings("\n"), "fd=N"), "${address}, PORT");

    [GeneratedRegex(@"fd=\d+")]
    private static partial Regex Descriptor();

    [GeneratedRegex(@"(?<address>\('[0-9a-f.:]+'), \d+")]
    private static partial Regex Port();
}
