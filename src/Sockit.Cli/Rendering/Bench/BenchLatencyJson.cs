namespace Sockit.Cli.Rendering;

/// <summary>The <c>latencyMicroseconds</c> object of <c>sockit bench</c>'s document: percentiles of the round trip.</summary>
internal sealed record BenchLatencyJson(double P50, double P90, double P99, double P999, double Max, double Mean);
