using System.Text;
using Sockit.Servers;
using Sockit.Testing;
using Sockit.Testing.Http;

namespace Sockit.Cli.Tests.Commands;

/// <summary>
/// get --resolve and --connect-to with made-up names. They run as a process in a KnownNames namespace, where the
/// names are unknown (only the test's hosts file, no DNS): had sockit asked the resolver, it would exit 68, so
/// succeeding shows that no lookup happened; and no query can leave the machine either way.
/// </summary>
public sealed class GetResolveTests
{
    private const string MadeUp = "api.sockit-nowhere.test";

    [Fact]
    public async Task Get_Resolve_ConnectsToTheAddressWithoutALookupAndKeepsTheHost()
    {
        await using var server = ScriptedHttpServer.Start("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray());
        var result = await Cli.RunWithKnownNamesAsync(
            ["get", "-v", "--resolve", $"{MadeUp}:{server.Port}:127.0.0.1", $"http://{MadeUp}:{server.Port}/r", "-w", " %{remote_ip} %{remote_port}"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"ok 127.0.0.1 {server.Port}", result.Stdout);
        Assert.DoesNotContain("* resolving", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"* {MadeUp} is 127.0.0.1 (given, not looked up)\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"\r\nHost: {MadeUp}:{server.Port}\r\n", Encoding.ASCII.GetString(Assert.Single(server.Requests)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NameWithoutResolve_IsUnknownInTheNamespace()
    {
        // The control for the test above: the same name without --resolve is looked up, and is not known there.
        var result = await Cli.RunWithKnownNamesAsync(["get", $"http://{MadeUp}:9/"]);
        Assert.Equal(68, result.ExitCode);
    }

    [Fact]
    public async Task Get_ResolveForAnotherPort_DoesNotApply()
    {
        var result = await Cli.RunWithKnownNamesAsync(["get", "--resolve", $"{MadeUp}:1:127.0.0.1", $"http://{MadeUp}:9/"]);
        Assert.Equal(68, result.ExitCode);
    }

    [Fact]
    public async Task Get_ResolveTriesTheAddressesInOrder()
    {
        await using var server = ScriptedHttpServer.Start("HTTP/1.1 204 No Content\r\n\r\n"u8.ToArray());
        // Nothing listens on 127.0.0.2 at that port: refused, then 127.0.0.1 answers.
        var result = await Cli.RunWithKnownNamesAsync(
            ["get", "-v", "--resolve", $"{MadeUp}:{server.Port}:127.0.0.2,127.0.0.1", $"http://{MadeUp}:{server.Port}/", "-w", "%{http_code} %{remote_ip}"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("204 127.0.0.1", result.Stdout);
        Assert.Contains($"* connecting to 127.0.0.2:{server.Port}\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ConnectTo_ConnectsElsewhereAndKeepsTheRequest()
    {
        await using var server = ScriptedHttpServer.Start("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nyes"u8.ToArray());
        var result = await Cli.RunWithKnownNamesAsync(
            ["get", "--connect-to", $"{MadeUp}:80:127.0.0.1:{server.Port}", $"http://{MadeUp}/path?q=1", "-w", " %{remote_port}"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"yes {server.Port}", result.Stdout);
        var request = Encoding.ASCII.GetString(Assert.Single(server.Requests));
        Assert.StartsWith("GET /path?q=1 HTTP/1.1\r\nHost: " + MadeUp + "\r\n", request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ConnectToANameWithResolve_NeedsNoLookupEither()
    {
        await using var server = ScriptedHttpServer.Start("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray());
        var result = await Cli.RunWithKnownNamesAsync(
            ["get", "--connect-to", $"{MadeUp}::backend.sockit-nowhere.test:{server.Port}", "--resolve", $"backend.sockit-nowhere.test:{server.Port}:127.0.0.1", $"http://{MadeUp}:8080/"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ok", result.Stdout);
        Assert.Contains($"\r\nHost: {MadeUp}:8080\r\n", Encoding.ASCII.GetString(Assert.Single(server.Requests)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_ConnectToWithEmptyParts_MatchesAnyHostAndKeepsTheHost()
    {
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "a.txt"), "any", TestContext.Current.CancellationToken);
        // ::localhost:PORT — any host, any port, to localhost (in /etc/hosts) on nginx's port.
        var result = await Cli.RunAsync("get", "--connect-to", $"::localhost:{nginx.Port}", "http://127.0.0.1:9/a.txt");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("any", result.Stdout);
    }

    [Fact]
    public async Task Get_ConnectToAPortWhereNothingListens_AdviceNamesThatPort()
    {
        var port = FreePorts.Get();
        var result = await Cli.RunAsync("get", "--connect-to", $"::127.0.0.1:{port}", "http://127.0.0.1:9/");
        Assert.Equal(69, result.ExitCode);
        Assert.Equal($"sockit: cannot connect to 127.0.0.1:9: connection refused by 127.0.0.1:{port} (is a server listening on port {port}?)\n", result.Stderr);
    }

    [Theory]
    [InlineData("--resolve", "nohost", "--resolve 'nohost' is not HOST:PORT:ADDR (e.g. --resolve example.test:80:127.0.0.1)")]
    [InlineData("--resolve", "a.test:99999:127.0.0.1", "--resolve 'a.test:99999:127.0.0.1' is not HOST:PORT:ADDR (e.g. --resolve example.test:80:127.0.0.1)")]
    [InlineData("--resolve", "a.test:80:b.test", "--resolve 'a.test:80:b.test': 'b.test' is not an IP address (--resolve gives addresses, never names, so nothing is looked up)")]
    [InlineData("--connect-to", "a.test:80:b.test", "--connect-to 'a.test:80:b.test' is not HOST:PORT:HOST2:PORT2 (any part may be empty, e.g. --connect-to ::127.0.0.1:8080)")]
    [InlineData("--connect-to", "a.test:x::80", "--connect-to 'a.test:x::80': 'x' is not a port (0-65535)")]
    public async Task Get_BadOverride_IsOneUsageLine(string option, string value, string message)
    {
        var result = await Cli.RunAsync("get", option, value, "http://127.0.0.1:9/");
        Assert.Equal(64, result.ExitCode);
        Assert.Equal($"sockit: {message}\n", result.Stderr);
    }

    [Fact]
    public async Task Get_ResolveIpv6InBrackets_IsParsed()
    {
        await using var server = ScriptedHttpServer.Start("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray());
        // ::1 is tried first and refused (the server listens on 127.0.0.1 only), then 127.0.0.1.
        var result = await Cli.RunWithKnownNamesAsync(
            ["get", "-v", "--resolve", $"{MadeUp}:{server.Port}:[::1],127.0.0.1", $"http://{MadeUp}:{server.Port}/"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"* {MadeUp} is ::1, 127.0.0.1 (given, not looked up)\n", result.Stderr, StringComparison.Ordinal);
    }
}
