using System.Text;
using System.Text.Json;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Tour;

public sealed class TourCommandTests
{
    // The tour resolves this machine's own name (gethostbyname(gethostname())), with python3 beside it: every run that
    // gets to the steps runs where the names are known (KnownNames), so a machine whose name is not in /etc/hosts
    // neither fails the tests nor sends a DNS query.
    // One run of the whole tour (about 8 s: servers, bounded timeouts, python3 a step) serves every test that only reads
    // its document; a test that changes the machine first (a port taken) runs its own.
    private static readonly Lazy<Task<JsonElement>> s_tour = new(RunFreshTourJsonAsync);

    private static Task<JsonElement> RunTourJsonAsync() => s_tour.Value;

    private static async Task<JsonElement> RunFreshTourJsonAsync()
    {
        var result = await Cli.RunWithKnownNamesAsync(["tour", "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var document = JsonDocument.Parse(result.Stdout);
        return document.RootElement.Clone();
    }

    private static JsonElement Line(JsonElement tour, int step, int line) =>
        tour.GetProperty("steps")[step - 1].GetProperty("lines")[line];

    // "comparison" is left out for a line not compared with python3.
    private static string? Comparison(JsonElement line) =>
        line.TryGetProperty("comparison", out var comparison) ? comparison.GetString() : null;

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
    public async Task Tour_ServicesStep_EqualsPython()
    {
        // python3 reads the same services database through glibc: the oracle, not sockit's own lookup.
        var python = await Python.RunAsync("import socket; print(socket.getservbyname('ssh')); print(repr(socket.getservbyport(80)))");
        var tour = await RunTourJsonAsync();
        var expected = python.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(expected[0], Line(tour, 1, 0).GetProperty("result").GetString());
        Assert.Equal(expected[1], Line(tour, 1, 1).GetProperty("result").GetString());
    }

    [Fact]
    public async Task Tour_NamesStep_EqualsPython()
    {
        var tour = await RunTourJsonAsync();
        // KnownNames' hosts file: localhost is 127.0.0.1 only, the host's own name 127.0.1.1.
        Assert.Equal($"'{KnownNames.HostName}'", Line(tour, 2, 0).GetProperty("result").GetString());
        Assert.Equal($"'{KnownNames.HostAddress}'", Line(tour, 2, 1).GetProperty("result").GetString());
        Assert.Equal("'127.0.0.1'", Line(tour, 2, 2).GetProperty("result").GetString());
        Assert.Equal("('localhost', [], ['127.0.0.1'])", Line(tour, 2, 3).GetProperty("result").GetString());
        // The hosts file's line for the host's own name has an alias: gethostbyname_ex shows it.
        Assert.Equal($"('{KnownNames.FullyQualifiedName}', ['{KnownNames.HostName}'], ['{KnownNames.HostAddress}'])", Line(tour, 2, 4).GetProperty("result").GetString());
        // A numeric host: python3's getaddrinfo asks no resolver, so it runs outside the namespace.
        var python = await Python.RunAsync("import socket; print(socket.getaddrinfo('127.0.0.1', 'http'))");
        Assert.Equal(python.TrimEnd('\n'), Line(tour, 2, 5).GetProperty("result").GetString());
        Assert.Contains(tour.GetProperty("steps")[1].GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("/etc/hosts", StringComparison.Ordinal));
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
    public async Task Tour_BytesStep_ShowsTheTypeErrorBesidePythons()
    {
        var tour = await RunTourJsonAsync();
        var line = Line(tour, 4, 4);
        Assert.Equal("ArgumentException: a bytes-like object is required, not 'string'", line.GetProperty("result").GetString());
        Assert.Equal("TypeError: a bytes-like object is required, not 'str'", line.GetProperty("asPython").GetString());
        Assert.Equal("TypeError: a bytes-like object is required, not 'str'", line.GetProperty("pythonResult").GetString());
        Assert.Equal("same", line.GetProperty("comparison").GetString());
    }

    [Fact]
    public async Task Tour_WebPageStep_LessonsLoopLosesTheRestAndFramingGetsAll()
    {
        var tour = await RunTourJsonAsync();
        var step = tour.GetProperty("steps")[4];
        var lessonLength = int.Parse(Line(tour, 5, 3).GetProperty("result").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("b'HTTP/1.1 200 OK\\r\\n", Line(tour, 5, 4).GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.Contains("'Transfer-Encoding: chunked'", Line(tour, 5, 5).GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.Matches(@"^\(200, 'chunked', None, \d+\)$", Line(tour, 5, 6).GetProperty("result").GetString());
        Assert.Equal("False", Line(tour, 5, 7).GetProperty("result").GetString());
        var lost = int.Parse(Line(tour, 5, 8).GetProperty("result").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(lessonLength > 0 && lost > 0, $"lesson's loop read {lessonLength} bytes and lost {lost}");
        Assert.Contains(step.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("Transfer-Encoding: chunked", StringComparison.Ordinal));
        Assert.Contains(step.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("Host: 'cutecatvideos.net'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Tour_WebPageAndExchangeSteps_Python3RanTheSameLinesLive()
    {
        Peers.Require("python3");
        var tour = await RunTourJsonAsync();
        foreach (var index in new[] { 4, 5 })
        {
            var lines = tour.GetProperty("steps")[index].GetProperty("lines").EnumerateArray().ToList();
            var compared = lines.Where(l => Comparison(l) is not null).ToList();
            Assert.True(compared.Count >= 7, $"step {index + 1}: only {compared.Count} lines compared with python3");
            Assert.All(compared, l => Assert.True(Comparison(l) != "differs", $"{l.GetProperty("python")}: sockit {l.GetProperty("result")}, python3 {l.GetProperty("pythonResult")}"));
        }
        // The lesson's loop, run by python3 against the same chunked server, also stops at the first piece.
        Assert.Equal(Line(tour, 5, 3).GetProperty("result").GetString(), Line(tour, 5, 3).GetProperty("pythonResult").GetString());
        Assert.Equal("False", Line(tour, 5, 7).GetProperty("pythonResult").GetString());
    }

    [Fact]
    public async Task Tour_ExchangeStep_ServerHearsTheQuestionAndClientTheAnswer()
    {
        var tour = await RunTourJsonAsync();
        Assert.Matches(@"laddr=\('127\.0\.0\.1', \d+\)>$", Line(tour, 6, 0).GetProperty("result").GetString());
        Assert.Matches(@"raddr=\('127\.0\.0\.1', \d+\)>$", Line(tour, 6, 1).GetProperty("result").GetString());
        Assert.Equal("b'Hey, can you hear me?'", Line(tour, 6, 4).GetProperty("result").GetString());
        Assert.Contains("conn.close()", Line(tour, 6, 5).GetProperty("python").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("ShutdownSend", Line(tour, 6, 5).GetProperty("csharp").GetString(), StringComparison.Ordinal);
        Assert.Equal("b'Yes, I can hear you.'", Line(tour, 6, 6).GetProperty("result").GetString());
        Assert.Equal("b''", Line(tour, 6, 7).GetProperty("result").GetString());
        // After close, the socket is gone: python3's own error, live, beside .NET's.
        Assert.Equal("OSError: [Errno 9] Bad file descriptor", Line(tour, 6, 8).GetProperty("pythonResult").GetString());
        Assert.StartsWith("ObjectDisposedException", Line(tour, 6, 8).GetProperty("result").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tour_SocketRepr_IsSameButTheDescriptor_NeverSame()
    {
        Peers.Require("python3");
        var tour = await RunTourJsonAsync();
        var line = Line(tour, 3, 0);
        var fd = System.Text.RegularExpressions.Regex.Match(line.GetProperty("result").GetString()!, @"fd=(\d+)").Groups[1].Value;
        var pythonFd = System.Text.RegularExpressions.Regex.Match(line.GetProperty("pythonResult").GetString()!, @"fd=(\d+)").Groups[1].Value;
        Assert.Equal(fd == pythonFd ? "same" : "same-but-the-descriptor", line.GetProperty("comparison").GetString());
    }

    [Fact]
    public async Task Tour_ExchangeStep_LessonPortInUse_TakesAnotherAndSaysSo()
    {
        using var occupant = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        try
        {
            occupant.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 50000));
            occupant.Listen();
        }
        catch (System.Net.Sockets.SocketException)
        {
            // Another test's tour holds the port right now: the fallback is exercised either way.
        }
        var tour = await RunFreshTourJsonAsync();
        var exchange = tour.GetProperty("steps")[5];
        Assert.Contains(exchange.GetProperty("notes").EnumerateArray(), n => n.GetString()!.StartsWith("port 50000, the lesson's, is in use here", StringComparison.Ordinal));
        Assert.Equal("b'Yes, I can hear you.'", exchange.GetProperty("lines")[6].GetProperty("result").GetString());
    }

    [Fact]
    public async Task Tour_ErrorsStep_EachFailureBesidePythonsException()
    {
        // The oracle: python3's own exceptions for the same calls (the unknown service fails in the resolver, no DNS asked).
        var python = await Python.RunAsync("""
            import socket, traceback
            def last(f):
                try:
                    f()
                except Exception as x:
                    print(traceback.format_exception_only(type(x), x)[-1], end='')
            free = socket.socket(); free.bind(('127.0.0.1', 0))
            last(lambda: socket.create_connection(free.getsockname(), timeout=1))
            last(lambda: socket.getaddrinfo('localhost', 'no-such-service'))
            quiet = socket.create_server(('127.0.0.1', 0))
            last(lambda: socket.create_connection(quiet.getsockname(), timeout=0.2).recv(4096))
            """);
        var expected = python.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var tour = await RunTourJsonAsync();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(expected[i], Line(tour, 7, i).GetProperty("asPython").GetString());
        }
        Assert.Contains("Failure = Refused", Line(tour, 7, 0).GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("ConnectionException: ", Line(tour, 7, 0).GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.Contains("Failure = NotFound", Line(tour, 7, 1).GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.Contains("SocketErrorCode = TimedOut", Line(tour, 7, 2).GetProperty("result").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tour_UdpStep_DatagramsWholeOrCut()
    {
        var tour = await RunTourJsonAsync();
        Assert.Equal("(5, 15)", Line(tour, 8, 0).GetProperty("result").GetString());
        Assert.Matches(@"^\(b'first', \('127\.0\.0\.1', \d+\)\)$", Line(tour, 8, 1).GetProperty("result").GetString());
        // .NET may report the cut datagram as an error (MessageSize) where Python returns the cut bytes: asPython says it Python's way.
        var cut = Line(tour, 8, 2);
        Assert.Equal("b'second'", cut.TryGetProperty("asPython", out var asPython) ? asPython.GetString() : cut.GetProperty("result").GetString());
        Assert.Equal("TimeoutError: timed out", Line(tour, 8, 3).GetProperty("asPython").GetString());
    }

    [Fact]
    public async Task Tour_Ipv6Step_ExchangeOverLoopbackOrSaysWhyNot()
    {
        // The oracle for "is IPv6 there": python3 binding ::1 on this machine.
        var python = await Python.RunAsync("""
            import socket
            try:
                s = socket.socket(socket.AF_INET6); s.bind(('::1', 0)); print('yes')
            except OSError:
                print('no')
            """);
        var tour = await RunTourJsonAsync();
        var step = tour.GetProperty("steps")[8];
        if (python.Trim() == "yes")
        {
            Assert.Matches(@"^\('::1', \d+, 0, 0\)$", Line(tour, 9, 0).GetProperty("result").GetString());
            Assert.Equal("b'Hey, can you hear me?'", Line(tour, 9, 2).GetProperty("result").GetString());
            Assert.Equal("b'Yes, I can hear you.'", Line(tour, 9, 3).GetProperty("result").GetString());
        }
        else
        {
            Assert.StartsWith("IPv6 is not available here", step.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Tour_SendStep_SendIsShortAndSendAllTimesOut()
    {
        var tour = await RunTourJsonAsync();
        Assert.Equal("True", Line(tour, 10, 0).GetProperty("result").GetString());
        Assert.Equal("TimeoutError: timed out", Line(tour, 10, 1).GetProperty("asPython").GetString());
    }

    [Fact]
    public async Task Tour_Json_HasVersion1()
    {
        var tour = await RunTourJsonAsync();
        Assert.Equal("version", tour.EnumerateObject().First().Name);
        Assert.Equal(1, tour.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Tour_Url_FetchesThatServerBothWays()
    {
        await using var server = await Sockit.Testing.Http.PythonHttpServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(server.Root, "page.html"), new string('x', 10_000), TestContext.Current.CancellationToken);
        var result = await Cli.RunWithKnownNamesAsync(["tour", "--url", server.Url("/page.html").ToString(), "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var document = JsonDocument.Parse(result.Stdout);
        var step = document.RootElement.GetProperty("steps")[4];
        Assert.Contains(step.GetProperty("notes").EnumerateArray(), n => n.GetString() == $"fetched {server.Url("/page.html")}");
        Assert.Matches(@"^\(200, None, '10000', 10000\)$", step.GetProperty("lines")[6].GetProperty("result").GetString());
    }

    [Fact]
    public async Task Tour_UrlNginx_FixedLength_ComparesLikeWithLike()
    {
        // nginx frames by Content-Length and keeps the connection alive: both readers send the lesson's request, so the
        // lesson's loop (one short recv holds this small page) gets the whole response and loses nothing.
        await using var nginx = await Sockit.Testing.Http.NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "small.html"), "<p>small</p>\n", TestContext.Current.CancellationToken);
        var result = await Cli.RunWithKnownNamesAsync(["tour", "--url", nginx.Url("/small.html").ToString(), "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var document = JsonDocument.Parse(result.Stdout);
        var step = document.RootElement.GetProperty("steps")[4];
        var lines = step.GetProperty("lines");
        Assert.Equal("(200, None, '13', 13)", lines[6].GetProperty("result").GetString());
        Assert.StartsWith("len(response) - response.find(", lines[7].GetProperty("python").GetString(), StringComparison.Ordinal);
        Assert.Equal("True", lines[7].GetProperty("result").GetString());
        Assert.Equal("0", lines[8].GetProperty("result").GetString());
        Assert.Contains(step.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("with Content-Length", StringComparison.Ordinal));
        Assert.All(lines.EnumerateArray().Where(l => Comparison(l) is not null),
            l => Assert.True(Comparison(l) != "differs", $"{l.GetProperty("python")}: sockit {l.GetProperty("result")}, python3 {l.GetProperty("pythonResult")}"));
    }

    [Fact]
    public async Task Tour_UrlNobodyListensOn_StepSaysWhyAndTheTourGoesOn()
    {
        using var probe = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        probe.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var port = ((System.Net.IPEndPoint)probe.LocalEndPoint!).Port; // bound, never listening: connections are refused
        var result = await Cli.RunWithKnownNamesAsync(["tour", "--url", $"http://127.0.0.1:{port}/", "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var document = JsonDocument.Parse(result.Stdout);
        var step = document.RootElement.GetProperty("steps")[4];
        Assert.StartsWith("this step could not run: ", step.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("refused", step.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(10, document.RootElement.GetProperty("steps").GetArrayLength());
    }

    [Fact]
    public async Task Tour_NoLoopbackNetwork_SocketStepsSayWhyAndTheTourGoesOn()
    {
        // unshare -n: a network namespace whose loopback interface is down, so nothing can connect to 127.0.0.1.
        var unshare = Peers.Require("unshare");
        var result = await KnownNames.RunAsync($"exec {KnownNames.Quote(unshare)} -n {Cli.ShellCommand} tour --format json", timeout: TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var document = JsonDocument.Parse(result.Stdout);
        var steps = document.RootElement.GetProperty("steps");
        Assert.Equal(10, steps.GetArrayLength());
        foreach (var index in new[] { 0, 2, 3 })
        {
            Assert.NotEqual(0, steps[index].GetProperty("lines").GetArrayLength());
        }
        foreach (var index in new[] { 4, 5 })
        {
            var note = steps[index].GetProperty("notes")[0].GetString()!;
            Assert.StartsWith("this step could not run", note, StringComparison.Ordinal);
            Assert.Contains("unreachable", note, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var index in new[] { 6, 7, 9 })
        {
            Assert.StartsWith("this step could not run", steps[index].GetProperty("notes")[0].GetString()!, StringComparison.Ordinal);
        }
        Assert.StartsWith("IPv6 is not available here", steps[8].GetProperty("notes")[0].GetString()!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tour_StepsAreInLessonOrder()
    {
        var tour = await RunTourJsonAsync();
        var titles = tour.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("title").GetString()!).ToList();
        Assert.StartsWith("Services", titles[0], StringComparison.Ordinal);
        Assert.StartsWith("Hosts", titles[1], StringComparison.Ordinal);
        Assert.StartsWith("Sockets", titles[2], StringComparison.Ordinal);
        Assert.StartsWith("Messages are bytes", titles[3], StringComparison.Ordinal);
        Assert.StartsWith("A web page over a raw socket", titles[4], StringComparison.Ordinal);
        Assert.StartsWith("Client and server", titles[5], StringComparison.Ordinal);
        Assert.StartsWith("Errors", titles[6], StringComparison.Ordinal);
        Assert.StartsWith("TCP and UDP", titles[7], StringComparison.Ordinal);
        Assert.StartsWith("IPv6", titles[8], StringComparison.Ordinal);
        Assert.StartsWith("send and sendall", titles[9], StringComparison.Ordinal);
        Assert.Equal(Enumerable.Range(1, titles.Count), tour.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("number").GetInt32()));
    }

    [Fact]
    public async Task Tour_Text_ShowsPythonCSharpAndResultForEachLine()
    {
        var result = await Cli.RunWithKnownNamesAsync(["tour"]);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("python    socket.getservbyname('ssh')", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("c#        Py.GetServByName(\"ssh\")", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("result    22", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("DIFFERS", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tour_PythonFormat_IsATranscript()
    {
        var result = await Cli.RunWithKnownNamesAsync(["tour", "--format", "python"]);
        Assert.Contains(">>> socket.getservbyname('ssh')\n22\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains(">>> socket.getservbyport(80)\n'http'\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tour_Step_PausesBeforeEachStepUntilEnter()
    {
        var steps = (await RunTourJsonAsync()).GetProperty("steps").GetArrayLength();
        var enters = Encoding.ASCII.GetBytes(new string('\n', steps));
        var result = await Cli.RunWithKnownNamesAsync(["tour", "--step"], enters);
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
        var result = await Cli.RunWithKnownNamesAsync(["tour", "--step"], "\n"u8.ToArray());
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Press Enter for step 2/", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("end of input: running the rest without pausing", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Press Enter for step 3/", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Messages are bytes", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task Tour_OnATerminal_BoldTitlesUnlessNoColor(bool noColor, bool expectColor)
    {
        // script(1) gives sockit a pseudo-terminal as stdout, as a person's shell would.
        var script = Peers.Require("script");
        var environment = new Dictionary<string, string> { ["NO_COLOR"] = noColor ? "1" : "" };
        var result = await ProcessRunner.RunAsync(script, ["-q", "-e", "-c", $"{Cli.ShellCommand} tour", "/dev/null"], environment: environment);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(expectColor, result.Stdout.Contains("\u001b[1mStep 1/10", StringComparison.Ordinal));
        Assert.Contains("Step 10/10", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tour_Piped_HasNoEscapeCodes()
    {
        var result = await Cli.RunProcessAsync(["tour"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.DoesNotContain("\u001b", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tour_Step_QEndsTheTour()
    {
        var result = await Cli.RunWithKnownNamesAsync(["tour", "--step"], "\nq\n"u8.ToArray());
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Contains("Step 1/", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Step 2/", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("(tour ended after step 1 of ", result.Stderr, StringComparison.Ordinal);
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
