using System.Diagnostics;
using HdrHistogram;

namespace Sockit.Load;

/// <summary>
/// One connection's round-trip latencies, in nanoseconds, in an HdrHistogram (three significant digits, up to a minute;
/// longer is recorded as a minute). HdrHistogram's recording is not thread-safe, so each connection has its own and
/// <see cref="Merge"/> adds them up at the end; recording is a few array operations with no allocation.
/// </summary>
internal sealed class LatencyRecorder
{
    public const long HighestNanoseconds = 60_000_000_000;
    private const int SignificantDigits = 3;
    private static readonly double s_nanosecondsPerTick = 1e9 / Stopwatch.Frequency;

    private readonly HistogramBase _histogram;

    /// <summary>A recorder for one connection; <paramref name="shared"/>: for all the connections of one thread.</summary>
    public LatencyRecorder(bool shared = false)
    {
        // One connection's counts fit an int: it would need over 2^31 round trips in one 0.1% wide bucket. Shared by
        // every connection of a long run, they might not.
        _histogram = shared
            ? new LongHistogram(1, HighestNanoseconds, SignificantDigits)
            : new IntHistogram(1, HighestNanoseconds, SignificantDigits);
    }

    /// <summary>Records one round trip of <paramref name="stopwatchTicks"/> (a difference of <see cref="Stopwatch.GetTimestamp"/>s).</summary>
    public void Record(long stopwatchTicks)
    {
        var nanoseconds = (long)(stopwatchTicks * s_nanosecondsPerTick);
        _histogram.RecordValue(Math.Clamp(nanoseconds, 1, HighestNanoseconds));
    }

    /// <summary>The latencies of all <paramref name="recorders"/>: percentiles, and log-scaled buckets for drawing.</summary>
    public static LoadLatency Merge(IEnumerable<LatencyRecorder> recorders)
    {
        var total = new LongHistogram(1, HighestNanoseconds, SignificantDigits);
        foreach (var recorder in recorders)
        {
            total.Add(recorder._histogram);
        }
        if (total.TotalCount == 0)
        {
            return new LoadLatency(TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, []);
        }
        return new LoadLatency(
            FromNanoseconds(total.GetValueAtPercentile(50)),
            FromNanoseconds(total.GetValueAtPercentile(90)),
            FromNanoseconds(total.GetValueAtPercentile(99)),
            FromNanoseconds(total.GetValueAtPercentile(99.9)),
            FromNanoseconds(total.GetMaxValue()),
            TimeSpan.FromTicks((long)(total.GetMean() / 100)),
            Buckets(total));
    }

    // Bucket k holds (1 µs * 2^(k-1), 1 µs * 2^k]; bucket 0 everything up to 1 µs. From the first bucket with a count to
    // the last, empty ones between included, so a drawing shows the gaps.
    private static List<LatencyBucket> Buckets(LongHistogram total)
    {
        var counts = new long[64];
        int first = counts.Length, last = -1;
        foreach (var value in total.RecordedValues())
        {
            var index = BucketOf(value.ValueIteratedTo);
            counts[index] += value.CountAtValueIteratedTo;
            first = Math.Min(first, index);
            last = Math.Max(last, index);
        }
        var buckets = new List<LatencyBucket>(last - first + 1);
        for (var k = first; k <= last; k++)
        {
            buckets.Add(new LatencyBucket(k == 0 ? TimeSpan.Zero : FromNanoseconds(UpperBound(k - 1)), FromNanoseconds(UpperBound(k)), counts[k]));
        }
        return buckets;
    }

    private static long UpperBound(int bucket) => 1000L << bucket;

    private static int BucketOf(long nanoseconds)
    {
        var k = 0;
        while (nanoseconds > UpperBound(k))
        {
            k++;
        }
        return k;
    }

    private static TimeSpan FromNanoseconds(long nanoseconds) => TimeSpan.FromTicks(nanoseconds / 100);
}
