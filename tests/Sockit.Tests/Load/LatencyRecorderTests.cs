using System.Diagnostics;
using Sockit.Load;

namespace Sockit.Tests.Load;

/// <summary>The per-connection latency histogram: percentiles and log-scaled buckets of known values, counted by hand.</summary>
public sealed class LatencyRecorderTests
{
    private static long Ticks(long nanoseconds) => (long)(nanoseconds * (Stopwatch.Frequency / 1e9));

    [Fact]
    public void Merge_TwoConnections_PercentilesAndBucketsOfEveryValue()
    {
        var first = new LatencyRecorder();
        first.Record(Ticks(1_000));     // 1 µs: bucket (0, 1 µs]
        first.Record(Ticks(3_000));     // 3 µs: bucket (2, 4 µs]
        var second = new LatencyRecorder();
        second.Record(Ticks(3_000));
        second.Record(Ticks(100_000));  // 100 µs: bucket (64, 128 µs]

        var latency = LatencyRecorder.Merge([first, second]);

        // Four values: the median is the second smallest (3 µs), the 90th and higher percentiles the largest.
        Assert.Equal(TimeSpan.FromTicks(30), latency.P50);
        Assert.Equal(TimeSpan.FromTicks(1000), latency.P90);
        Assert.Equal(TimeSpan.FromTicks(1000), latency.Max);
        Assert.Equal(
            [
                new LatencyBucket(TimeSpan.Zero, TimeSpan.FromTicks(10), 1),
                new LatencyBucket(TimeSpan.FromTicks(10), TimeSpan.FromTicks(20), 0),
                new LatencyBucket(TimeSpan.FromTicks(20), TimeSpan.FromTicks(40), 2),
                new LatencyBucket(TimeSpan.FromTicks(40), TimeSpan.FromTicks(80), 0),
                new LatencyBucket(TimeSpan.FromTicks(80), TimeSpan.FromTicks(160), 0),
                new LatencyBucket(TimeSpan.FromTicks(160), TimeSpan.FromTicks(320), 0),
                new LatencyBucket(TimeSpan.FromTicks(320), TimeSpan.FromTicks(640), 0),
                new LatencyBucket(TimeSpan.FromTicks(640), TimeSpan.FromTicks(1280), 1),
            ],
            latency.Buckets);
    }

    [Fact]
    public void Merge_Nothing_ZerosAndNoBuckets()
    {
        var latency = LatencyRecorder.Merge([new LatencyRecorder()]);
        Assert.Equal(TimeSpan.Zero, latency.Max);
        Assert.Empty(latency.Buckets);
    }

    [Fact]
    public void Record_LongerThanAMinute_CountsAsAMinute()
    {
        var recorder = new LatencyRecorder();
        recorder.Record(Ticks(2 * LatencyRecorder.HighestNanoseconds));
        var max = LatencyRecorder.Merge([recorder]).Max;
        Assert.InRange(max, TimeSpan.FromSeconds(59.9), TimeSpan.FromSeconds(60.1));
    }
}
