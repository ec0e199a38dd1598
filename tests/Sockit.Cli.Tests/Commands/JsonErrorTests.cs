using System.Globalization;
using System.Text.Json;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Commands;

/// <summary>
/// With <c>--format json</c> a failure is one JSON object line on stderr, <c>{"error", "exit", "message"}</c>, with the
/// exit code the text line would have had and the text line's message without its <c>sockit: </c> prefix.
/// </summary>
public sealed class JsonErrorTests
{
    [Fact]
    public async Task ConnectRefused_JsonError()
    {
        var port = FreePorts.Get();
        var result = await Cli.RunAsync("connect", "127.0.0.1", P(port), "--format", "json");
        // A streaming command also ends its event stream on stdout with the failure, as facts without the advice.
        var stdout = $"{{\"version\":1,\"event\":\"error\",\"error\":\"refused\",\"exit\":69,\"message\":\"connect to 127.0.0.1 port {port} failed: Connection refused\"}}\n";
        AssertJsonError(result, "refused", 69, $"connect to 127.0.0.1 port {port} failed: Connection refused (is anything listening on that port?)", stdout);
    }

    [Fact]
    public async Task UnknownService_JsonError()
    {
        // A service name is looked up in the services file, never in DNS.
        var result = await Cli.RunAsync("connect", "localhost", "no-such-service", "--format", "json");
        AssertJsonError(result, "not-found", 68, "service 'no-such-service' not found for tcp (give a port number, or find the name with 'sockit service --list')");
    }

    [Fact]
    public async Task UsageErrorInTheCommand_JsonError()
    {
        var result = await Cli.RunAsync("connect", "--format", "json");
        AssertJsonError(result, "usage", 64, "give a host and a port (sockit connect localhost 8000) or -U PATH");
    }

    [Fact]
    public async Task UsageErrorInTheParse_JsonError()
    {
        var result = await Cli.RunAsync("connect", "-Y", "localhost", "9", "--format", "json");
        AssertJsonError(result, "usage", 64, "unknown option '-Y' for 'connect' (try 'sockit connect --help')");
    }

    [Fact]
    public async Task BadFormat_StaysText()
    {
        // --format itself did not parse, so the failure cannot be JSON.
        var result = await Cli.RunAsync("connect", "localhost", "9", "--format", "xml");
        Assert.Equal((64, "sockit: --format takes text, json or python, not 'xml' (try 'sockit connect --help')\n"), (result.ExitCode, result.Stderr));
    }

    private static void AssertJsonError(CliResult result, string error, int exit, string message, string stdout = "")
    {
        Assert.Equal((exit, stdout), (result.ExitCode, result.Stdout));
        Assert.EndsWith("\n", result.Stderr, StringComparison.Ordinal);
        var line = result.Stderr[..^1];
        Assert.DoesNotContain("\n", line, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(JsonValueKind.Object, root.ValueKind);
        Assert.Equal(["error", "exit", "message"], root.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(error, root.GetProperty("error").GetString());
        Assert.Equal(exit, root.GetProperty("exit").GetInt32());
        Assert.Equal(message, root.GetProperty("message").GetString());
    }

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);
}
