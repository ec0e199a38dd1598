using System.Globalization;
using System.Text;
using Sockit.Cli.Tests.Netcat;

namespace Sockit.Cli.Tests.Commands;

/// <summary>
/// The command line does what a netcat or curl user expects: an argument starting with '@' is text, not a response
/// file, and an unknown option is named as such (not blamed on the argument after it).
/// </summary>
public sealed class CommandLineSurpriseTests
{
    // A python3 server that reads until the client shuts down its sending side and answers with what it received.
    private const string EchoWhatCame = """
        conn, _ = srv.accept()
        data = b''
        while True:
            chunk = conn.recv(65536)
            if not chunk: break
            data += chunk
        conn.sendall(b'got:' + data)
        conn.close()
        """;

    [Fact]
    public async Task Connect_SendStartingWithAt_SendsTheTextLiterally()
    {
        var (python, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + EchoWhatCame);
        await using (python)
        {
            var result = await Cli.RunAsync("connect", "127.0.0.1", P(port), "--send", "@alice hello");
            Assert.Equal((0, "", "got:@alice hello"), (result.ExitCode, result.Stderr, result.Stdout));
        }
    }

    [Fact]
    public async Task Connect_SendAtAnExistingFile_SendsTheTextNotTheFile()
    {
        // The file holds a switch: were it read as a response file, --hex would turn on and its text would be sent.
        var file = Path.Combine(Path.GetTempPath(), $"sockit-at-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, "--hex\nfrom the file\n", Encoding.UTF8, TestContext.Current.CancellationToken);
        try
        {
            var (python, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + EchoWhatCame);
            await using (python)
            {
                var result = await Cli.RunAsync("connect", "127.0.0.1", P(port), "--send", "@" + file);
                Assert.Equal((0, "", "got:@" + file), (result.ExitCode, result.Stderr, result.Stdout));
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(new[] { "get", "--compressed", "localhost:38080/redir" }, "sockit: unknown option '--compressed' for 'get' (try 'sockit get --help')\n")]
    // connect has -v, --verbose now (issue 13): unknown ones of the same two shapes.
    [InlineData(new[] { "connect", "-Y", "localhost", "9" }, "sockit: unknown option '-Y' for 'connect' (try 'sockit connect --help')\n")]
    [InlineData(new[] { "connect", "localhost", "9", "--loud" }, "sockit: unknown option '--loud' for 'connect' (try 'sockit connect --help')\n")]
    [InlineData(new[] { "listen", "-p", "8000" }, "sockit: unknown option '-p' for 'listen' (try 'sockit listen --help')\n")]
    public async Task UnknownOption_NamesTheOption_Exits64(string[] args, string expected)
    {
        // The parse fails before any lookup or connect: nothing reaches the network.
        var result = await Cli.RunAsync(args);
        Assert.Equal((64, "", expected), (result.ExitCode, result.Stdout, result.Stderr));
    }

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);
}
