using System.Text.Json;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Commands;

/// <summary><c>sockit resolve NAME --server</c> against dnsmasq on loopback with a CNAME chain, and against a server that never answers.</summary>
public sealed class ResolveServerTests
{
    [Fact]
    public async Task Server_CnameChain_AllFormats()
    {
        await using var dns = await Dnsmasq.StartAsync(TestContext.Current.CancellationToken);
        var server = dns.EndPoint.ToString();

        var python = await Cli.RunAsync("resolve", "www.sockit.test", "--server", server, "--format", "python");
        Assert.True(python.ExitCode == 0, python.Stderr);
        Assert.Equal("('target.sockit.test', ['www.sockit.test', 'web.sockit.test'], ['127.0.0.42'])\n", python.Stdout);

        var text = await Cli.RunAsync("resolve", "www.sockit.test", "--server", server);
        Assert.Matches(
            @"^www\.sockit\.test\.\s+\d+ IN CNAME\s+web\.sockit\.test\.\nweb\.sockit\.test\.\s+\d+ IN CNAME\s+target\.sockit\.test\.\ntarget\.sockit\.test\.\s+\d+ IN A\s+127\.0\.0\.42\n"
            + @"name       target\.sockit\.test\naliases    www\.sockit\.test web\.sockit\.test\naddresses  127\.0\.0\.42\n$",
            text.Stdout);
        Assert.Equal($"# answer from {server}\n", text.Stderr);

        var json = await Cli.RunAsync("resolve", "web.sockit.test", "--server", server, "--family", "any", "--format", "json");
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal(1, document.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("target.sockit.test", document.RootElement.GetProperty("name").GetString());
        Assert.Equal(["web.sockit.test"], document.RootElement.GetProperty("aliases").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["127.0.0.42", "::42"], document.RootElement.GetProperty("addresses").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, document.RootElement.GetProperty("records").GetArrayLength());
    }

    [Fact]
    public async Task Server_UnknownName_Exit68()
    {
        await using var dns = await Dnsmasq.StartAsync(TestContext.Current.CancellationToken);
        var result = await Cli.RunAsync("resolve", "nope.sockit.test", "--server", dns.EndPoint.ToString());
        Assert.Equal(68, result.ExitCode);
        Assert.Equal($"sockit: cannot resolve 'nope.sockit.test' at {dns.EndPoint}: no such name (NXDOMAIN)\n", result.Stderr);
    }

    [Fact]
    public async Task Server_NeverAnswers_Exit75AsAProcess()
    {
        using var silent = new SilentUdpServer();
        var result = await Cli.RunProcessAsync(["resolve", "www.sockit.test", "--server", silent.EndPoint.ToString(), "--timeout", "0.3"], timeout: TimeSpan.FromSeconds(20));
        Assert.Equal(75, result.ExitCode);
        Assert.Equal($"sockit: no answer from DNS server {silent.EndPoint} within 0.3 s (check that it runs and listens there, or raise --timeout)\n", result.Stderr);
        Assert.Empty(result.Stdout);
    }
}
