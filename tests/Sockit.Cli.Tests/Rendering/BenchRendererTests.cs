using Sockit.Cli.Rendering;
using Sockit.Connections;
using Sockit.Load;

namespace Sockit.Cli.Tests.Renderers;

/// <summary>The bench command's renderer, its live line and its histogram on hand-built results: exact text and JSON.</summary>
public sealed class BenchRendererTests
{
    private static TimeSpan Micro(double microseconds) => TimeSpan.FromTicks((long)Math.Round(microseconds * 10));

    private static readonly LoadResult s_result = new(
        Transport.Tcp,
        "127.0.0.1:7000",
        Connections: 50,
        MessageSize: 64,
        Pipeline: 1,
        RoundTrips: 1_234_567,
        Bytes: 79_012_288,
        Elapsed: TimeSpan.FromSeconds(10),
        Errors: 0,
        Mismatches: 0,
        FirstError: null,
        new LoadLatency(Micro(398.3), Micro(512), Micro(880.4), Micro(1204.4), Micro(3117), Micro(401.2),
        [
            new LatencyBucket(Micro(128), Micro(256), 1000),
            new LatencyBucket(Micro(256), Micro(512), 8000),
            new LatencyBucket(Micro(512), Micro(1024), 2000),
            new LatencyBucket(Micro(1024), Micro(2048), 0),
            new LatencyBucket(Micro(2048), Micro(4096), 3),
        ]));

    [Fact]
    public void Text_Summary_RatesPercentilesAndCounts()
    {
        var rendered = Rendered.Text(new BenchRenderer(drawHistogram: false), s_result);
        Assert.Equal(
            "target       127.0.0.1:7000 (tcp), 50 connections, 64 B messages, pipeline 1\n" +
            "round trips  1,234,567 in 10.00 s, 123,457/s\n" +
            "throughput   7.90 MB/s each way\n" +
            "latency      p50 398 µs  p90 512 µs  p99 880 µs  p99.9 1.20 ms  max 3.12 ms\n" +
            "errors       0\n" +
            "mismatches   0\n",
            rendered.Stdout);
        Assert.Equal("", rendered.Stderr);
    }

    [Fact]
    public void Text_OnATerminal_DrawsTheHistogramWithBlockBars()
    {
        var rendered = Rendered.Text(new BenchRenderer(drawHistogram: true), s_result);
        // 8,000 is the fullest: 40 cells. 1,000 is an eighth of it (5 cells), 2,000 a quarter (10); 3 is less than an
        // eighth of a cell and still shows one eighth (▏); 0 shows nothing.
        Assert.EndsWith(
            "mismatches   0\n" +
            "\n" +
            "latency histogram\n" +
            "   ≤ 256 µs │█████                                    1,000   9.1%\n" +
            "   ≤ 512 µs │████████████████████████████████████████ 8,000  72.7%\n" +
            "  ≤ 1.02 ms │██████████                               2,000  18.2%\n" +
            "  ≤ 2.05 ms │                                             0   0.0%\n" +
            "  ≤ 4.10 ms │▏                                            3   0.0%\n",
            rendered.Stdout);
    }

    [Fact]
    public void Text_ErrorsAndNoRoundTrip_SaysSoAndNamesTheFirstError()
    {
        var failed = s_result with
        {
            Transport = Transport.Udp,
            Connections = 1,
            RoundTrips = 0,
            Bytes = 0,
            Errors = 3,
            FirstError = "no echo of a datagram within 5 s",
            Latency = new LoadLatency(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, []),
        };
        var rendered = Rendered.Text(new BenchRenderer(drawHistogram: true), failed);
        Assert.Equal(
            "target       127.0.0.1:7000 (udp), 1 connection, 64 B messages, pipeline 1\n" +
            "round trips  0 in 10.00 s, 0/s\n" +
            "throughput   0.00 MB/s each way\n" +
            "latency      (no round trip completed)\n" +
            "errors       3 (first: no echo of a datagram within 5 s)\n" +
            "mismatches   0\n",
            rendered.Stdout);
    }

    [Fact]
    public void Json_OneDocument_VersionFirst_MicrosecondsAndBuckets()
    {
        var json = Rendered.Json(new BenchRenderer(drawHistogram: false), s_result with { Errors = 2, Mismatches = 1, FirstError = "Connection reset by peer (errno 104)" });
        Assert.Equal(
            """
            {
              "version": 1,
              "transport": "tcp",
              "target": "127.0.0.1:7000",
              "connections": 50,
              "messageSize": 64,
              "pipeline": 1,
              "roundTrips": 1234567,
              "bytes": 79012288,
              "seconds": 10,
              "roundTripsPerSecond": 123456.7,
              "megabytesPerSecond": 7.901,
              "latencyMicroseconds": {
                "p50": 398.3,
                "p90": 512,
                "p99": 880.4,
                "p999": 1204.4,
                "max": 3117,
                "mean": 401.2
              },
              "errors": 2,
              "mismatches": 1,
              "firstError": "Connection reset by peer (errno 104)",
              "histogram": [
                {
                  "fromMicroseconds": 128,
                  "toMicroseconds": 256,
                  "count": 1000
                },
                {
                  "fromMicroseconds": 256,
                  "toMicroseconds": 512,
                  "count": 8000
                },
                {
                  "fromMicroseconds": 512,
                  "toMicroseconds": 1024,
                  "count": 2000
                },
                {
                  "fromMicroseconds": 1024,
                  "toMicroseconds": 2048,
                  "count": 0
                },
                {
                  "fromMicroseconds": 2048,
                  "toMicroseconds": 4096,
                  "count": 3
                }
              ]
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            json);
    }

    [Fact]
    public void Python_Refused()
    {
        var e = Assert.Throws<CliException>(() => Rendered.Python(new BenchRenderer(drawHistogram: false), s_result));
        Assert.Equal(ExitCodes.Usage, e.ExitCode);
    }

    [Theory]
    [InlineData(0.5, "500 ns")]
    [InlineData(5.5, "5.50 µs")]
    [InlineData(98.7, "98.7 µs")]
    [InlineData(999.96, "1.00 ms")]
    [InlineData(1_050_000, "1.05 s")]
    public void Latency_ThreeSignificantDigits(double microseconds, string text) =>
        Assert.Equal(text, BenchText.Latency(Micro(microseconds)));

    [Fact]
    public void ProgressLine_RateOverTheLastInterval_OverwrittenThenErased()
    {
        using var error = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        var progress = new BenchProgress(error);
        progress.Report(new LoadProgress(TimeSpan.FromSeconds(1), 80_000, 5_120_000, 0, 0));
        progress.Report(new LoadProgress(TimeSpan.FromSeconds(2), 200_000, 12_800_000, 1, 0));
        progress.Clear();
        Assert.Equal(
            "\r1 s  80,000 round trips  80,000/s  errors 0  mismatches 0\u001b[K" +
            "\r2 s  200,000 round trips  120,000/s  errors 1  mismatches 0\u001b[K" +
            "\r\u001b[K",
            error.ToString());
    }
}
