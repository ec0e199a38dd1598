using System.Text;
using System.Text.Json;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Tour;

public sealed class TourCommandTests
{
    private static async Task<JsonElement> RunTourJsonAsync()
    {
        var result = await Cli.RunAsync("tour", "--format", "json");
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.Clone();
    }

    private static JsonElement Line(JsonElement tour, int step, int line) =>
        tour.GetProperty("steps")[step - 1].GetProperty("lines")[line];

    [Fact]
    public async Task Tour_Json_EveryCheckedLineEqualsPythonOnThisMachine()
    {
        Peers.Require("python3");
        var tour = await RunTourJsonAsync();
        var compared = 0;
        foreach (var step in tour.GetProperty("steps").EnumerateArray())
        {
            foreach (var line in step.GetProperty("lines").EnumerateArray())
            {
                var matches = line.GetProperty("matchesPython");
                if (matches.ValueKind != JsonValueKind.Null)
                {
                    Assert.True(matches.GetBoolean(), $"step {step.GetProperty("number")}: {line.GetProperty("python")} gave {line.GetProperty("result")}, python3 {line.GetProperty("pythonResult")}");
                    compared++;
                }
            }
        }
        Assert.True(compared >= 6, $"only {compared} lines were compared with python3");
    }

    [Fact]
    public async Task Tour_ServicesStep_EqualsLibrary()
    {
        var tour = await RunTourJsonAsync();
        Assert.Equal(Py.GetServByName("ssh").ToString(System.Globalization.CultureInfo.InvariantCulture), Line(tour, 1, 0).GetProperty("result").GetString());
        Assert.Equal($"'{Py.GetServByPort(80)}'", Line(tour, 1, 1).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Tour_NamesStep_EqualsLibrary()
    {
        var tour = await RunTourJsonAsync();
        Assert.Equal(Rendering.PyRepr.Str(Py.GetHostName()), Line(tour, 2, 0).GetProperty("result").GetString());
        Assert.Equal(Rendering.PyRepr.Str(Py.GetHostByName("localhost")), Line(tour, 2, 2).GetProperty("result").GetString());
        Assert.Equal(Rendering.PyNaming.HostEntry(Py.GetHostByNameEx("localhost")), Line(tour, 2, 3).GetProperty("result").GetString());
        Assert.Equal(Rendering.PyNaming.AddrInfoList(Py.GetAddrInfo("localhost", "http")), Line(tour, 2, 4).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Tour_SocketsStep_ShowsTheLessonsSockets()
    {
        var tour = await RunTourJsonAsync();
        Assert.Matches(@"^<socket\.socket fd=\d+, family=2, type=1, proto=0", Line(tour, 3, 0).GetProperty("result").GetString());
        Assert.Equal("<AddressFamily.AF_INET: 2>", Line(tour, 3, 1).GetProperty("result").GetString());
        Assert.Equal("<SocketKind.SOCK_STREAM: 1>", Line(tour, 3, 2).GetProperty("result").GetString());
        Assert.Equal("0", Line(tour, 3, 3).GetProperty("result").GetString());
        Assert.Matches(@"^<socket\.socket fd=\d+, family=2, type=2, proto=17", Line(tour, 3, 4).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Tour_StepsAreInLessonOrder()
    {
        var tour = await RunTourJsonAsync();
        var titles = tour.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("title").GetString()!).ToList();
        Assert.StartsWith("Services", titles[0], StringComparison.Ordinal);
        Assert.StartsWith("Hosts", titles[1], StringComparison.Ordinal);
        Assert.StartsWith("Sockets", titles[2], StringComparison.Ordinal);
        Assert.Contains(titles, t => t.StartsWith("Messages are bytes", StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, titles.Count), tour.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task Tour_Text_ShowsPythonCSharpAndResultForEachLine()
    {
        var result = await Cli.RunAsync("tour");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("python    socket.getservbyname('ssh')", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("c#        Py.GetServByName(\"ssh\")", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("result    22", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("DIFFERS", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tour_PythonFormat_IsATranscript()
    {
        var result = await Cli.RunAsync("tour", "--format", "python");
        Assert.Contains(">>> socket.getservbyname('ssh')\n22\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(">>> socket.getservbyport(80)\n'http'\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tour_Step_PausesBeforeEachStepUntilEnter()
    {
        var steps = (await RunTourJsonAsync()).GetProperty("steps").GetArrayLength();
        var enters = Encoding.ASCII.GetBytes(new string('\n', steps));
        var result = await Cli.RunProcessAsync(["tour", "--step"], enters);
        Assert.True(result.ExitCode == 0, result.Stderr);
        for (var i = 1; i <= steps; i++)
        {
            Assert.Contains($"Press Enter for step {i}/{steps}", result.Stderr, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("end of input", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tour_Step_EndOfInputRunsTheRestWithoutPausing()
    {
        var result = await Cli.RunProcessAsync(["tour", "--step"], "\n"u8.ToArray());
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Press Enter for step 2/", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("end of input: running the rest without pausing", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Press Enter for step 3/", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Messages are bytes", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("not a url")]
    public async Task Tour_BadUrl_UsageError(string url)
    {
        var result = await Cli.RunAsync("tour", "--url", url);
        Assert.Equal(64, result.ExitCode);
        Assert.Equal($"sockit: --url takes an http:// URL such as http://127.0.0.1:8080/, not '{url}' (try 'sockit tour --help')\n", result.Stderr);
    }
}
