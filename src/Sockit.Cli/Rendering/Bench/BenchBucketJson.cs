namespace Sockit.Cli.Rendering;

/// <summary>One bucket of <c>sockit bench</c>'s <c>histogram</c>: round trips that took more than <c>fromMicroseconds</c> and at most <c>toMicroseconds</c>.</summary>
internal sealed record BenchBucketJson(double FromMicroseconds, double ToMicroseconds, long Count);
