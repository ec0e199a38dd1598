using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Sockit.Cli.Arguments;
using Sockit.Cli.Tests.Netcat;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Commands;

/// <summary>Every timeout option takes 500ms, 2s, 1m or bare seconds, through one parser, and refuses the rest in one line.</summary>
public sealed class DurationTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("2s", 2_000)]
    [InlineData("1m", 60_000)]
    [InlineData("2.5", 2_500)]
    [InlineData("0.3", 300)]
    [InlineData("1.5m", 90_000)]
    [InlineData("86400", 86_400_000)]
    [InlineData("1440m", 86_400_000)]
    [InlineData("24h", 86_400_000)]
    [InlineData("0.5h", 1_800_000)]
    public void TryParse_AcceptedSpellings(string text, int milliseconds)
    {
        Assert.True(Duration.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("0ms")]
    [InlineData("0.0000000001")]
    [InlineData("86401")]
    [InlineData("25h")]
    [InlineData("h")]
    [InlineData("1d")]
    [InlineData("1e3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("2 s")]
    [InlineData("+2")]
    [InlineData("1.2.3")]
    [InlineData("ms")]
    public void TryParse_Refused(string text) => Assert.False(Duration.TryParse(text, out _));

    public static TheoryData<string[], string> BadTimeouts()
    {
        var data = new TheoryData<string[], string>();
        foreach (var bad in new[] { "abc", "-1", "0", "500 ms", "1e9" })
        {
            data.Add(["get", "http://127.0.0.1:9/", "--timeout", bad], "--timeout");
            data.Add(["connect", "127.0.0.1", "9", "--connect-timeout", bad], "--connect-timeout");
            data.Add(["connect", "127.0.0.1", "9", "--idle-timeout", bad], "--idle-timeout");
            data.Add(["listen", "0", "--idle-timeout", bad], "--idle-timeout");
            data.Add(["resolve", "localhost", "--server", "127.0.0.1", "--timeout", bad], "--timeout");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(BadTimeouts))]
    public async Task BadDuration_Usage64_OneLineNamingTheOptionAndTheForms(string[] args, string option)
    {
        var result = await Cli.RunAsync(args);
        Assert.Equal(64, result.ExitCode);
        Assert.StartsWith($"sockit: {option} takes a duration: 500ms, 2s, 1m or seconds such as 2.5, greater than 0 and at most 24h (not '{args[^1]}')", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain("System.", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.StdoutBytes);
    }

    [Theory]
    [InlineData("300ms")]
    [InlineData("0.3")]
    [InlineData("0.005m")]
    public async Task Get_TimeoutAgainstAServerThatNeverAnswers_Exit75WithinASecond(string timeout)
    {
        // Accepts, reads the request, and never answers.
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        server.Listen(8);
        var port = ((IPEndPoint)server.LocalEndPoint!).Port;
        var clock = Stopwatch.StartNew();
        var result = await Cli.RunAsync("get", $"http://127.0.0.1:{port}/", "--timeout", timeout);
        clock.Stop();
        Assert.Equal(75, result.ExitCode);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("300ms")]
    [InlineData("0.3s")]
    public async Task Connect_IdleTimeoutAgainstASilentPeer_Exit75WithinASecond(string timeout)
    {
        using var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        server.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        server.Listen(8);
        var port = ((IPEndPoint)server.LocalEndPoint!).Port;
        var clock = Stopwatch.StartNew();
        var result = await Cli.RunAsync(["connect", "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--no-shutdown", "--idle-timeout", timeout], stdin: [], TestContext.Current.CancellationToken);
        clock.Stop();
        Assert.Equal(75, result.ExitCode);
        Assert.Contains("idle for 0.3 s", result.Stderr, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1));
    }

    [Theory]
    [InlineData("2s")]
    [InlineData("1m")]
    public async Task Connect_LongerSpellings_AreTakenAndTheExchangeRuns(string timeout)
    {
        // A python peer that sends a line and closes; the timeouts are long enough never to fire.
        var (peer, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + """
            conn, _ = srv.accept()
            conn.sendall(b'from python\n')
            conn.close()
            """);
        await using (peer)
        {
            var result = await Cli.RunAsync(["connect", "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--connect-timeout", timeout, "--idle-timeout", timeout], stdin: [], TestContext.Current.CancellationToken);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("from python\n", result.Stdout);
        }
    }

    [Fact]
    public async Task Resolve_TimeoutInMilliseconds_Exit75()
    {
        using var silent = new SilentUdpServer();
        var clock = Stopwatch.StartNew();
        var result = await Cli.RunAsync("resolve", "www.sockit.test", "--server", silent.EndPoint.ToString(), "--timeout", "300ms");
        clock.Stop();
        Assert.Equal(75, result.ExitCode);
        Assert.Equal($"sockit: no answer from DNS server {silent.EndPoint} within 0.3 s (check that it runs and listens there, or raise --timeout)\n", result.Stderr);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(2));
    }
}
