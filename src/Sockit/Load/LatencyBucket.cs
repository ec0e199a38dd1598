namespace Sockit.Load;

/// <summary>One bar of a latency histogram: how many round trips took more than <see cref="From"/> and at most <see cref="To"/>.</summary>
/// <param name="From">The bucket's lower bound (exclusive; zero for the first bucket).</param>
/// <param name="To">The bucket's upper bound (inclusive).</param>
/// <param name="Count">Round trips in the bucket.</param>
public readonly record struct LatencyBucket(TimeSpan From, TimeSpan To, long Count);
