using System.Text;
using Sockit.Testing.Http;

namespace Sockit.Cli.Tests.Commands;

/// <summary>get -X, -d/--data/--data-binary (TEXT, @FILE, @-) and --json, checked by what python3's http.server received.</summary>
public sealed class GetMethodTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Echo(string method, string path, string? contentType, string? contentLength, string content) =>
        $"{method} {path}\ncontent-type: {contentType ?? "None"}\ncontent-length: {contentLength ?? "None"}\n\n{content}";

    [Fact]
    public async Task Get_Data_PostsTheTextAsAForm()
    {
        await using var server = await PythonEchoServer.StartAsync();
        var result = await Cli.RunAsync("get", "-d", "a=1", "-d", "b=2", server.Url("/form").ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Echo("POST", "/form", "application/x-www-form-urlencoded", "7", "a=1&b=2"), result.Stdout);
    }

    [Fact]
    public async Task Get_DataBinaryFromFile_SendsEveryByteAsIs()
    {
        await using var server = await PythonEchoServer.StartAsync();
        var content = new byte[] { 0, 1, 2, (byte)'\r', (byte)'\n', 0xFF, (byte)'x', (byte)'\n' };
        var path = Path.Combine(Path.GetTempPath(), $"sockit-data-{Guid.NewGuid():N}.bin");
        await File.WriteAllBytesAsync(path, content, Token);
        try
        {
            foreach (var option in new[] { "-d", "--data-binary", "--data" })
            {
                var result = await Cli.RunAsync("get", option, "@" + path, "-X", "PUT", "-H", "Content-Type: application/octet-stream", server.Url("/up").ToString());
                Assert.Equal(0, result.ExitCode);
                byte[] expected = [.. Encoding.ASCII.GetBytes(Echo("PUT", "/up", "application/octet-stream", "8", "")), .. content];
                Assert.Equal(expected, result.StdoutBytes);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Get_DataFromStdin_SendsWhatStdinHeld()
    {
        await using var server = await PythonEchoServer.StartAsync();
        var result = await Cli.RunAsync(["get", "-d", "@-", server.Url("/in").ToString()], Encoding.UTF8.GetBytes("line one\nline two\n"), Token);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Echo("POST", "/in", "application/x-www-form-urlencoded", "18", "line one\nline two\n"), result.Stdout);
    }

    [Fact]
    public async Task Get_EmptyData_SendsContentLengthZero()
    {
        await using var server = await PythonEchoServer.StartAsync();
        var result = await Cli.RunAsync("get", "-d", "", server.Url("/empty").ToString());
        Assert.Equal(Echo("POST", "/empty", "application/x-www-form-urlencoded", "0", ""), result.Stdout);
    }

    [Fact]
    public async Task Get_Json_SetsContentTypeAndAccept()
    {
        await using var server = await PythonEchoServer.StartAsync();
        var result = await Cli.RunAsync("get", "--json", "{\"a\":", "--json", "1}", "-v", server.Url("/api").ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Echo("POST", "/api", "application/json", "7", "{\"a\":1}"), result.Stdout);
        Assert.Contains("> Accept: application/json\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("> [7 bytes of content]\n", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("DELETE")]
    [InlineData("OPTIONS")]
    [InlineData("PATCH")]
    public async Task Get_Request_SendsTheMethodWithoutContent(string method)
    {
        await using var server = await PythonEchoServer.StartAsync();
        var result = await Cli.RunAsync("get", "-X", method, server.Url("/m").ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Echo(method, "/m", null, null, ""), result.Stdout);
    }

    [Fact]
    public async Task Get_PlainGet_SendsNoContentLength()
    {
        await using var server = await PythonEchoServer.StartAsync();
        var result = await Cli.RunAsync("get", server.Url("/g").ToString());
        Assert.Equal(Echo("GET", "/g", null, null, ""), result.Stdout);
    }

    [Fact]
    public async Task Get_NginxPostToAFile_Answers405AsNginxDoes()
    {
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "a.txt"), "body", Token);
        var result = await Cli.RunAsync("get", "-i", "-d", "x=1", nginx.Url("/a.txt").ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("HTTP/1.1 405 Not Allowed\r\n", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "-d", "x", "--json", "{}" }, "-d and --json both give the request's content: use one of them")]
    [InlineData(new[] { "-I", "-d", "x" }, "-I sends a HEAD request, which has no content: drop -I, or -d/--json")]
    [InlineData(new[] { "-I", "-X", "POST" }, "-I sends HEAD and -X POST another method: use one of them")]
    [InlineData(new[] { "-X", "GE T" }, "-X 'GE T' is not an HTTP method: a method is a token such as GET, POST, PUT or DELETE (RFC 9110 section 9)")]
    [InlineData(new[] { "-d", "@" }, "-d @ needs a file name: -d @FILE, or -d @- for stdin")]
    public async Task Get_ContentOptionsThatDoNotGoTogether_AreOneUsageLine(string[] options, string message)
    {
        var result = await Cli.RunAsync(["get", .. options, "http://127.0.0.1:9/"], stdin: null, Token);
        Assert.Equal(64, result.ExitCode);
        Assert.Equal($"sockit: {message}\n", result.Stderr);
    }

    [Fact]
    public async Task Get_DataFileMissing_Exits66()
    {
        var result = await Cli.RunAsync("get", "-d", "@/nonexistent/sockit.txt", "http://127.0.0.1:9/");
        Assert.Equal(66, result.ExitCode);
        Assert.Equal("sockit: cannot read '/nonexistent/sockit.txt' for -d @/nonexistent/sockit.txt: no such file (check the path; to send text starting with @, put it in a file)\n", result.Stderr);
    }
}
