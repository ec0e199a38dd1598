namespace Sockit.Cli.Rendering;

/// <summary>The JSON document of <c>sockit bench</c> (docs/cli-json.md).</summary>
internal sealed record BenchJson(
    int Version,
    string Transport,
    string Target,
    int Connections,
    int MessageSize,
    int Pipeline,
    long RoundTrips,
    long Bytes,
    double Seconds,
    double RoundTripsPerSecond,
    double MegabytesPerSecond,
    BenchLatencyJson LatencyMicroseconds,
    long Errors,
    long Mismatches,
    string? FirstError,
    IReadOnlyList<BenchBucketJson> Histogram);
