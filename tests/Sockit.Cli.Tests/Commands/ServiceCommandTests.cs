using System.Text.Json;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Commands;

public sealed class ServiceCommandTests
{
    [Theory]
    [InlineData(new[] { "service", "ssh" }, "22")]
    [InlineData(new[] { "service", "domain", "--proto", "udp" }, "53")]
    [InlineData(new[] { "service", "www" }, "80")]
    [InlineData(new[] { "service", "80" }, "'http'")]
    [InlineData(new[] { "service", "53", "--proto", "udp" }, "'domain'")]
    public async Task Service_PythonFormat_PrintsWhatPythonPrints(string[] args, string expected)
    {
        var result = await Cli.RunAsync([.. args, "--format", "python"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected + "\n", result.Stdout);
    }

    [Theory]
    [InlineData("ssh", null, "socket.getservbyname('ssh')")]
    [InlineData("domain", "udp", "socket.getservbyname('domain', 'udp')")]
    [InlineData("80", null, "socket.getservbyport(80)")]
    [InlineData("53", "udp", "socket.getservbyport(53, 'udp')")]
    public async Task Service_PythonFormat_EqualsPythonOnThisMachine(string query, string? proto, string pythonCall)
    {
        var expected = await Python.RunAsync($"import socket; print(repr({pythonCall}))");
        string[] args = proto is null ? ["service", query, "--format", "python"] : ["service", query, "--proto", proto, "--format", "python"];
        var result = await Cli.RunAsync(args);
        Assert.Equal(expected, result.Stdout);
    }

    [Fact]
    public async Task Service_Text_ShowsNamePortAndAliases()
    {
        var result = await Cli.RunAsync("service", "www");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^http\s+80/tcp www\n$", result.Stdout);
    }

    [Fact]
    public async Task Service_Json_IsOneDocumentWithTheEntry()
    {
        var result = await Cli.RunAsync("service", "ssh", "--format", "json");
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("ssh", json.RootElement.GetProperty("name").GetString());
        Assert.Equal(22, json.RootElement.GetProperty("port").GetInt32());
        Assert.Equal("tcp", json.RootElement.GetProperty("protocol").GetString());
    }

    [Fact]
    public async Task Service_List_SaysSourceAndListsEveryEntryOfOneProtocol()
    {
        var result = await Cli.RunAsync("service", "--list", "--proto", "udp");
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# source: /etc/services", result.Stderr, StringComparison.Ordinal);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("domain ", StringComparison.Ordinal) && l.Contains("53/udp", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Contains("/udp", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Service_ListJson_NamesSourceAndEntries()
    {
        var result = await Cli.RunAsync("service", "--list", "--format", "json");
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("/etc/services", json.RootElement.GetProperty("source").GetString());
        Assert.False(json.RootElement.GetProperty("embedded").GetBoolean());
        Assert.True(json.RootElement.GetProperty("entries").GetArrayLength() > 300);
    }

    [Fact]
    public async Task Service_File_ReadsThatFile()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "myproto 4242/tcp mine\n", TestContext.Current.CancellationToken);
        try
        {
            var result = await Cli.RunAsync("service", "mine", "--file", file, "--format", "python");
            Assert.Equal("4242\n", result.Stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(new[] { "service", "nope" }, 68, "sockit: service 'nope' not found for any protocol")]
    [InlineData(new[] { "service", "nope", "--proto", "tcp" }, 68, "sockit: service 'nope' not found for tcp")]
    [InlineData(new[] { "service", "3" }, 68, "sockit: no service on port 3 for any protocol")]
    [InlineData(new[] { "service", "70000" }, 64, "sockit: port 70000 is out of range: ports are 0-65535")]
    [InlineData(new[] { "service", "ssh", "--proto", "6" }, 64, "sockit: --proto takes a protocol name such as tcp or udp, not '6'")]
    [InlineData(new[] { "service", "ssh", "--file", "/no/such/file" }, 66, "sockit: cannot read '/no/such/file': no such file (check the path)")]
    [InlineData(new[] { "service" }, 64, "sockit: give a service name or port (sockit service ssh, sockit service 80) or --list")]
    [InlineData(new[] { "service", "ssh", "--list" }, 64, "sockit: give either a service name/port or --list, not both")]
    [InlineData(new[] { "service", "ssh", "--format", "xml" }, 64, "sockit: --format takes text, json or python, not 'xml' (try 'sockit service --help')")]
    public async Task Service_BadInput_OneLineAndExitCode(string[] args, int exitCode, string message)
    {
        var result = await Cli.RunAsync(args);
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(message + "\n", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task Service_MalformedFile_SkipsBadLinesWithoutCrashing()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllBytesAsync(file, [.. "garbage\n\u0000\u00ff/x\nok 7/tcp\n"u8], TestContext.Current.CancellationToken);
        try
        {
            var result = await Cli.RunAsync("service", "ok", "--file", file, "--format", "python");
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("7\n", result.Stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Service_NoServicesFileOnTheMachine_AnswersFromEmbeddedCopy()
    {
        // A private mount namespace with an empty /etc: the OS has no services file, so Python's lookup fails,
        // and sockit answers from its embedded copy and says so.
        var python = Peers.Require("python3");
        var script = $"mount -t tmpfs none /etc && " +
                     $"{MountNamespace.Quote(python)} -c \"import socket; socket.getservbyname('ssh')\" 2>/dev/null; echo python=$?; " +
                     $"{Cli.ShellCommand} service ssh --format python; " +
                     $"{Cli.ShellCommand} service --list --format json | head -4";
        var result = await MountNamespace.RunAsync(script);
        Assert.True(result.ExitCode == 0, result.Stderr);
        var lines = result.Stdout.Split('\n');
        Assert.Equal("python=1", lines[0]);
        Assert.Equal("22", lines[1]);
        Assert.Contains("\"source\": \"embedded copy\"", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"embedded\": true", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_PrintsVersion()
    {
        var result = await Cli.RunAsync("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Stdout);
    }
}
