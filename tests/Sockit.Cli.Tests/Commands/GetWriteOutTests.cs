using System.Globalization;
using System.Text.Json;
using Sockit.Testing;
using Sockit.Testing.Http;

namespace Sockit.Cli.Tests.Commands;

/// <summary>
/// get -w/--write-out and --format json's timings: the same fields as curl's -w on the same requests (status, size,
/// address and port equal; times only in order, never compared as durations) and each phase no earlier than the one before.
/// </summary>
public sealed class GetWriteOutTests
{
    private const string Fields = "%{http_code} %{size_download} %{remote_ip} %{remote_port} %{time_namelookup} %{time_connect} %{time_appconnect} %{time_starttransfer} %{time_total}\\n";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string[]> Requests => new()
    {
        { "/a.txt", [] },
        { "/missing.html", [] },
        { "/chunked.shtml", [] },
        { "/moved", [] },
        { "/a.txt", ["-H", "Range: bytes=0-9"] },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Get_WriteOut_AgreesWithCurlOnTheSameRequest(string path, string[] options)
    {
        var curl = Peers.Require("curl");
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "a.txt"), new string('a', 3000), Token);
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "chunked.shtml"), "<p><!--# echo var=\"date_gmt\" --></p>", Token);
        var url = nginx.Url(path).ToString();
        var ours = await Cli.RunAsync(["get", .. options, "-o", "/dev/null", "-w", Fields, url], stdin: null, Token);
        var theirs = await ProcessRunner.RunAsync(curl, ["-s", .. options, "-o", "/dev/null", "-w", Fields, url], timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(0, ours.ExitCode);
        Assert.Equal(0, theirs.ExitCode);
        var ourFields = ours.Stdout.TrimEnd('\n').Split(' ');
        var curlFields = theirs.Stdout.TrimEnd('\n').Split(' ');
        Assert.Equal(curlFields[..4], ourFields[..4]);
        AssertInOrder(ourFields[4..]);
        AssertInOrder(curlFields[4..]);
        Assert.Equal("0.000000", ourFields[6]);
        Assert.Equal(curlFields[6], ourFields[6]);
    }

    [Fact]
    public async Task Get_WriteOutAfterAPost_AgreesWithCurl()
    {
        var curl = Peers.Require("curl");
        await using var server = await PythonEchoServer.StartAsync();
        var url = server.Url("/post").ToString();
        // The same request both ways, so the echoed bodies (and their sizes) match: same content type, no Accept difference in the echo.
        var ours = await Cli.RunAsync(["get", "-d", "k=v", "-o", "/dev/null", "-w", Fields, url], stdin: null, Token);
        var theirs = await ProcessRunner.RunAsync(curl, ["-s", "-d", "k=v", "-o", "/dev/null", "-w", Fields, url], timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(theirs.Stdout.Split(' ')[..4], ours.Stdout.Split(' ')[..4]);
    }

    [Fact]
    public async Task Get_WriteOutEscapesAndPercent_AreCurls()
    {
        var curl = Peers.Require("curl");
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "a.txt"), "x", Token);
        const string format = "code=%{http_code}\\tsize=%{size_download}%%\\r\\n\\x\\\\n%{method}\\n";
        var url = nginx.Url("/a.txt").ToString();
        var ours = await Cli.RunAsync("get", "-o", "/dev/null", "-w", format, url);
        var theirs = await ProcessRunner.RunAsync(curl, ["-s", "-o", "/dev/null", "-w", format, url], timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(theirs.Stdout, ours.Stdout);
        Assert.Equal("code=200\tsize=1%\r\n\\x\\\\nGET\n", ours.Stdout);
    }

    [Fact]
    public async Task Get_WriteOutWhenRefused_PrintsWhatCurlPrintsThenFails()
    {
        var curl = Peers.Require("curl");
        const string format = "[%{http_code}] [%{remote_ip}] [%{remote_port}] [%{size_download}] [%{num_redirects}] [%{url_effective}] [%{method}] [%{http_version}] [%{time_total}]";
        var url = $"http://127.0.0.1:{FreePorts.Get()}/x";
        var ours = await Cli.RunAsync("get", "-w", format, url);
        var theirs = await ProcessRunner.RunAsync(curl, ["-s", "-w", format, url], timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(69, ours.ExitCode);
        Assert.Equal(7, theirs.ExitCode);
        Assert.Equal($"[000] [] [0] [0] [0] [{url}] [GET] [0] [0.000000]", ours.Stdout);
        // time_total is a duration curl measured: compare everything before it.
        Assert.Equal(theirs.Stdout[..theirs.Stdout.LastIndexOf('[')], ours.Stdout[..ours.Stdout.LastIndexOf('[')]);
        Assert.StartsWith("sockit: cannot connect to ", ours.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WriteOutUnknownVariable_IsOneUsageLine()
    {
        var result = await Cli.RunAsync("get", "-w", "%{http_cod}", "http://127.0.0.1:9/");
        Assert.Equal(64, result.ExitCode);
        Assert.StartsWith("sockit: -w: unknown variable %{http_cod} (known: %{http_code}, ", result.Stderr, StringComparison.Ordinal);
        Assert.EndsWith(")\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WriteOutWithJsonFormat_IsOneUsageLine()
    {
        var result = await Cli.RunAsync("get", "-w", "%{http_code}", "--format", "json", "http://127.0.0.1:9/");
        Assert.Equal(64, result.ExitCode);
        Assert.Contains("timings", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_JsonTimings_AreInOrderAndEndAtElapsed()
    {
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "a.txt"), "timing", Token);
        var result = await Cli.RunAsync("get", nginx.Url("/a.txt").ToString(), "--format", "json");
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var timings = json.RootElement.GetProperty("timings");
        var resolve = timings.GetProperty("resolve").GetDouble();
        var connect = timings.GetProperty("connect").GetDouble();
        var firstByte = timings.GetProperty("firstByte").GetDouble();
        var total = timings.GetProperty("total").GetDouble();
        Assert.Equal(0, timings.GetProperty("tls").GetDouble());
        Assert.True(0 <= resolve && resolve <= connect && connect <= firstByte && firstByte <= total, timings.ToString());
        Assert.Equal(json.RootElement.GetProperty("elapsedMs").GetDouble(), total);
    }

    [Fact]
    public async Task Get_TimingsOfAFirstByteThatWaits_PutTheWaitBeforeFirstByte()
    {
        // The scripted server sends its head 300 ms after the request: connect is done long before the first byte.
        await using var server = Sockit.Servers.ScriptedHttpServer.Start(
            [[], "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray()], pause: TimeSpan.FromMilliseconds(300));
        var result = await Cli.RunAsync("get", "-o", "/dev/null", "-w", "%{time_connect} %{time_starttransfer} %{time_total}", server.Url().ToString());
        var times = result.Stdout.Split(' ').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        Assert.True(times[1] - times[0] >= 0.25, result.Stdout);
        Assert.True(times[1] <= times[2], result.Stdout);
    }

    // resolve <= connect <= TLS (when there is one: 0 means none) <= first byte <= total.
    private static void AssertInOrder(string[] times)
    {
        var values = times.Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        var (lookup, connect, tls, firstByte, total) = (values[0], values[1], values[2], values[3], values[4]);
        Assert.True(lookup <= connect, string.Join(' ', times));
        Assert.True(tls == 0 || (connect <= tls && tls <= firstByte), string.Join(' ', times));
        Assert.True(connect <= firstByte && firstByte <= total, string.Join(' ', times));
    }
}
