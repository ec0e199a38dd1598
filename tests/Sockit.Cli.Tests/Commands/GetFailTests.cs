using System.Text.Json;
using Sockit.Testing.Http;

namespace Sockit.Cli.Tests.Commands;

/// <summary>get --fail: a final status of 400 or more exits 22, and the body is still written (curl's --fail-with-body).</summary>
public sealed class GetFailTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_FailOnNginx404_Exits22AndStillWritesThePage()
    {
        await using var nginx = await NginxServer.StartAsync();
        var url = nginx.Url("/missing.html").ToString();
        var result = await Cli.RunAsync("get", "--fail", url);
        Assert.Equal(22, result.ExitCode);
        Assert.Contains("<title>404 Not Found</title>", result.Stdout, StringComparison.Ordinal);
        Assert.Equal($"sockit: {url} answered 404 Not Found (--fail: a status of 400 or more exits 22)\n", result.Stderr);
    }

    [Fact]
    public async Task Get_WithoutFail_A404ExitsZero()
    {
        await using var nginx = await NginxServer.StartAsync();
        var result = await Cli.RunAsync("get", nginx.Url("/missing.html").ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("404 Not Found", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_FailOn200_ExitsZero()
    {
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "a.txt"), "fine", Token);
        var result = await Cli.RunAsync("get", "-f", nginx.Url("/a.txt").ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("fine", result.Stdout);
    }

    [Fact]
    public async Task Get_FailJson_PrintsTheDocumentAndTheErrorObject()
    {
        await using var server = await PythonEchoServer.StartAsync();
        var result = await Cli.RunAsync("get", "--fail", server.Url("/status/503").ToString(), "--format", "json");
        Assert.Equal(22, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(503, document.RootElement.GetProperty("status").GetInt32());
        using var error = JsonDocument.Parse(result.Stderr);
        Assert.Equal("http-error", error.RootElement.GetProperty("error").GetString());
        Assert.Equal(22, error.RootElement.GetProperty("exit").GetInt32());
    }

    [Fact]
    public async Task Get_FailWithWriteOut_PrintsTheWriteOutBeforeFailing()
    {
        await using var server = await PythonEchoServer.StartAsync();
        var result = await Cli.RunAsync("get", "--fail", "-o", "/dev/null", "-w", "%{http_code}\\n", server.Url("/status/418").ToString());
        Assert.Equal(22, result.ExitCode);
        Assert.Equal("418\n", result.Stdout);
    }
}
