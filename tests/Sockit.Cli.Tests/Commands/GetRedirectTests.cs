using System.Text.Json;
using Sockit.Testing;
using Sockit.Testing.Http;

namespace Sockit.Cli.Tests.Commands;

/// <summary>get -L against nginx's redirect locations and python3's echo (which shows the method and content each hop arrived with).</summary>
public sealed class GetRedirectTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/moved")]
    [InlineData("/found")]
    [InlineData("/see-other")]
    [InlineData("/temporary")]
    [InlineData("/permanent")]
    public async Task Get_LocationOnNginxRedirects_EndsAtTheTarget(string path)
    {
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "index.html"), "<h1>target</h1>\n", Token);
        var result = await Cli.RunAsync("get", "-L", "-w", "%{num_redirects} %{url_effective}", nginx.Url(path).ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.Equal($"<h1>target</h1>\n1 {nginx.Url("/index.html")}", result.Stdout);
    }

    [Fact]
    public async Task Get_WithoutLocation_PrintsTheRedirectItself()
    {
        await using var nginx = await NginxServer.StartAsync();
        var result = await Cli.RunAsync("get", "-i", nginx.Url("/moved").ToString(), "-w", "%{redirect_url}");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("HTTP/1.1 301 Moved Permanently\r\n", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith(nginx.Url("/index.html").ToString(), result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_IncludeWithLocation_ShowsEveryHopsHeadAndOnlyTheLastBody()
    {
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "index.html"), "last", Token);
        var result = await Cli.RunAsync("get", "-i", "-L", nginx.Url("/temporary").ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("HTTP/1.1 307 Temporary Redirect\r\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\r\n\r\nHTTP/1.1 200 OK\r\n", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("<html>", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\r\n\r\nlast", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(301, "POST", "GET", false)]
    [InlineData(302, "POST", "GET", false)]
    [InlineData(303, "POST", "GET", false)]
    [InlineData(303, "PUT", "GET", false)]
    [InlineData(307, "POST", "POST", true)]
    [InlineData(308, "PUT", "PUT", true)]
    [InlineData(301, "PUT", "PUT", true)]
    [InlineData(302, "DELETE", "DELETE", true)]
    public async Task Get_LocationMethodAndContent_FollowRfc9110(int status, string method, string expectedMethod, bool keepsContent)
    {
        await using var server = await PythonEchoServer.StartAsync();
        var result = await Cli.RunAsync("get", "-L", "-X", method, "-d", "payload", server.Url($"/redirect/{status}?to=/landed").ToString());
        Assert.Equal(0, result.ExitCode);
        var expected = keepsContent
            ? $"{expectedMethod} /landed\ncontent-type: application/x-www-form-urlencoded\ncontent-length: 7\n\npayload"
            : $"{expectedMethod} /landed\ncontent-type: None\ncontent-length: None\n\n";
        Assert.Equal(expected, result.Stdout);
    }

    [Fact]
    public async Task Get_NginxRedirectLoop_IsOneLineAndExit47()
    {
        await using var nginx = await NginxServer.StartAsync();
        var result = await Cli.RunAsync("get", "-L", nginx.Url("/loop-a").ToString());
        Assert.Equal(47, result.ExitCode);
        Assert.Equal(
            $"sockit: redirect loop: {nginx.Url("/loop-b")} redirects (302) back to GET {nginx.Url("/loop-a")}, request 1 of 2 (the server sends the request back where it was; check its redirect rules, or drop -L to see the first answer)\n",
            result.Stderr);
        Assert.Empty(result.StdoutBytes);
    }

    [Fact]
    public async Task Get_SelfRedirect_IsALoopAtOnce()
    {
        await using var server = await PythonEchoServer.StartAsync();
        var result = await Cli.RunAsync("get", "-L", server.Url("/redirect/302").ToString(), "--format", "json");
        Assert.Equal(47, result.ExitCode);
        using var error = JsonDocument.Parse(result.Stderr);
        Assert.Equal("too-many-redirects", error.RootElement.GetProperty("error").GetString());
        Assert.Equal(47, error.RootElement.GetProperty("exit").GetInt32());
    }

    [Fact]
    public async Task Get_MoreRedirectsThanMaxRedirs_IsOneLineAndExit47()
    {
        await using var server = await PythonEchoServer.StartAsync();
        var url = server.Url("/redirect/302?to=/redirect/301%3Fto%3D/end").ToString();
        var result = await Cli.RunAsync("get", "-L", "--max-redirs", "1", url);
        Assert.Equal(47, result.ExitCode);
        Assert.Equal(
            $"sockit: too many redirects: {server.Url("/redirect/301?to=/end")} redirects (301) to {server.Url("/end")} after 1 redirect, the most allowed (raise --max-redirs, or drop -L to see the first answer)\n",
            result.Stderr);
        var enough = await Cli.RunAsync("get", "-L", "--max-redirs", "2", url, "-w", "\n%{num_redirects}");
        Assert.Equal(0, enough.ExitCode);
        Assert.EndsWith("GET /end\ncontent-type: None\ncontent-length: None\n\n\n2", enough.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_MaxRedirsZero_RefusesTheFirstRedirectAsCurlDoes()
    {
        var curl = Peers.Require("curl");
        await using var nginx = await NginxServer.StartAsync();
        var result = await Cli.RunAsync("get", "-L", "--max-redirs", "0", nginx.Url("/moved").ToString());
        var theirs = await ProcessRunner.RunAsync(curl, ["-s", "-L", "--max-redirs", "0", nginx.Url("/moved").ToString()], timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(47, theirs.ExitCode);
        Assert.Equal(theirs.ExitCode, result.ExitCode);
    }

    [Fact]
    public async Task Get_VerboseLocation_TracesEveryHop()
    {
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "index.html"), "x", Token);
        var result = await Cli.RunAsync("get", "-v", "-L", nginx.Url("/see-other").ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("> GET /see-other HTTP/1.1\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("< HTTP/1.1 303 See Other\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains($"* following 303 to GET {nginx.Url("/index.html")} (redirect 1 of at most 10)\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("> GET /index.html HTTP/1.1\n", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_JsonAfterRedirects_NamesTheEffectiveUrlAndCount()
    {
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "index.html"), "x", Token);
        var result = await Cli.RunAsync("get", "-L", nginx.Url("/permanent").ToString(), "--format", "json");
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(nginx.Url("/permanent").ToString(), json.RootElement.GetProperty("url").GetString());
        Assert.Equal(nginx.Url("/index.html").ToString(), json.RootElement.GetProperty("effectiveUrl").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("redirects").GetInt32());
        Assert.Equal(200, json.RootElement.GetProperty("status").GetInt32());
    }
}
