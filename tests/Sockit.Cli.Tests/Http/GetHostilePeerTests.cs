using System.Text;
using Sockit.Servers;
using Sockit.Testing.Http;

namespace Sockit.Cli.Tests.Http;

/// <summary><c>sockit get</c> against servers that never stop sending what is not a response.</summary>
public sealed class GetHostilePeerTests
{
    [Theory]
    [InlineData("json")]
    [InlineData("text")]
    [InlineData("python")]
    public async Task Get_EndlessContinueHeads_Exits76WithOneLine(string format)
    {
        // A server that answers "100 Continue" without end: refused after 32 interim heads, not kept in memory
        // (the bounded stream in HttpFramingRfcTests measures how much is read). --timeout only turns a hang into 75.
        var interim = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");
        await using var server = ScriptedHttpServer.Start(_ => new EndlessSegments(interim), TimeSpan.Zero);
        var result = await Cli.RunAsync("get", "--format", format, "--timeout", "20s", server.Url().ToString());
        const string message = "the server sent more than 32 interim (1xx) responses without a final one (the limit; the response is malformed or hostile)";
        Assert.Equal(76, result.ExitCode);
        Assert.Equal(format == "json"
            ? $"{{\"error\":\"protocol\",\"exit\":76,\"message\":\"{message}\"}}\n"
            : $"sockit: {message}\n", result.Stderr);
        Assert.Empty(result.StdoutBytes);
    }

    [Fact]
    public async Task Get_EndlessContinueHeads_TheProgramExits76WithOneLine()
    {
        // The same as a separate process: the real program, its own memory, one line.
        var interim = Encoding.ASCII.GetBytes("HTTP/1.1 100 Continue\r\n\r\n");
        await using var server = ScriptedHttpServer.Start(_ => new EndlessSegments(interim), TimeSpan.Zero);
        var result = await Cli.RunProcessAsync(["get", server.Url().ToString()], timeout: TimeSpan.FromSeconds(60));
        Assert.Equal(76, result.ExitCode);
        Assert.Equal("sockit: the server sent more than 32 interim (1xx) responses without a final one (the limit; the response is malformed or hostile)\n", result.Stderr);
    }
}
