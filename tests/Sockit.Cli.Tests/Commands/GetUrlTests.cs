namespace Sockit.Cli.Tests.Commands;

/// <summary>URLs <c>get</c> refuses before any socket call, in one line that names the real problem.</summary>
public sealed class GetUrlTests
{
    [Theory]
    [InlineData("http://localhost:99999/", "99999")]
    [InlineData("localhost:65536", "65536")]
    [InlineData("http://127.0.0.1:123456789012/x", "123456789012")]
    [InlineData("http://[::1]:70000/", "70000")]
    [InlineData("http://user@localhost:99999/", "99999")]
    public async Task PortOutOfRange_Usage64_NamesThePort(string url, string port)
    {
        var result = await Cli.RunAsync("get", url);
        Assert.Equal(64, result.ExitCode);
        Assert.Equal($"sockit: port {port} in '{url}' is out of range: ports are 0-65535\n", result.Stderr);
        Assert.Empty(result.StdoutBytes);
    }
}
