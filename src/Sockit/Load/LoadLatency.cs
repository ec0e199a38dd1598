namespace Sockit.Load;

/// <summary>
/// Round-trip latency of a load run: from the send of a message to the last byte of its echo. Percentiles come from
/// an HdrHistogram with three significant digits (within 0.1%).
/// </summary>
/// <param name="P50">The median.</param>
/// <param name="P90">The 90th percentile.</param>
/// <param name="P99">The 99th percentile.</param>
/// <param name="P999">The 99.9th percentile.</param>
/// <param name="Max">The slowest round trip.</param>
/// <param name="Mean">The mean.</param>
/// <param name="Buckets">
/// The histogram for drawing: log-scaled buckets (each twice as wide as the one before, the first up to 1 microsecond),
/// from the first to the last that holds a round trip; empty when none completed.
/// </param>
public sealed record LoadLatency(TimeSpan P50, TimeSpan P90, TimeSpan P99, TimeSpan P999, TimeSpan Max, TimeSpan Mean, IReadOnlyList<LatencyBucket> Buckets);
