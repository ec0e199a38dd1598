using Sockit.Connections;
using Sockit.Load;

namespace Sockit.Cli.Rendering;

/// <summary>
/// Renders a <see cref="LoadResult"/>: the summary (round trips a second, MB/s, latency percentiles, errors,
/// mismatches), and under it, when <c>drawHistogram</c> (stdout is a terminal), the latency histogram; or one JSON
/// document. There is no python format: the command refuses it.
/// </summary>
internal sealed class BenchRenderer(bool drawHistogram) : ResultRenderer<LoadResult>
{
    public override void WriteText(LoadResult result, TextWriter output, TextWriter error)
    {
        var latency = result.Latency;
        output.WriteLine($"target       {result.Target} ({TransportName(result.Transport)}), {BenchText.Count(result.Connections)} connection{(result.Connections == 1 ? "" : "s")}, "
            + $"{Arguments.ByteSize.Format(result.MessageSize)} messages, pipeline {result.Pipeline}");
        output.WriteLine($"round trips  {BenchText.Count(result.RoundTrips)} in {Seconds(result.Elapsed)} s, {BenchText.Rate(result.RoundTripsPerSecond)}/s");
        output.WriteLine($"throughput   {result.MegabytesPerSecond.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} MB/s each way");
        output.WriteLine(result.RoundTrips == 0
            ? "latency      (no round trip completed)"
            : $"latency      p50 {BenchText.Latency(latency.P50)}  p90 {BenchText.Latency(latency.P90)}  p99 {BenchText.Latency(latency.P99)}  "
                + $"p99.9 {BenchText.Latency(latency.P999)}  max {BenchText.Latency(latency.Max)}");
        output.WriteLine($"errors       {BenchText.Count(result.Errors)}{(result.FirstError is { } first ? $" (first: {first})" : "")}");
        output.WriteLine($"mismatches   {BenchText.Count(result.Mismatches)}");
        if (drawHistogram && latency.Buckets.Count > 0)
        {
            output.WriteLine();
            BenchHistogram.Write(latency.Buckets, output);
        }
    }

    public override void WriteJson(LoadResult result, TextWriter output)
    {
        var latency = result.Latency;
        JsonOutput.Write(output, new BenchJson(
            JsonContract.Version,
            TransportName(result.Transport),
            result.Target,
            result.Connections,
            result.MessageSize,
            result.Pipeline,
            result.RoundTrips,
            result.Bytes,
            Math.Round(result.Elapsed.TotalSeconds, 6),
            Math.Round(result.RoundTripsPerSecond, 1),
            Math.Round(result.MegabytesPerSecond, 3),
            new BenchLatencyJson(Micro(latency.P50), Micro(latency.P90), Micro(latency.P99), Micro(latency.P999), Micro(latency.Max), Micro(latency.Mean)),
            result.Errors,
            result.Mismatches,
            result.FirstError,
            [.. latency.Buckets.Select(b => new BenchBucketJson(Micro(b.From), Micro(b.To), b.Count))]),
            CliJsonContext.Default.BenchJson);
    }

    public override void WritePython(LoadResult result, TextWriter output) =>
        throw CliException.Usage("sockit bench has no python format: use --format json");

    /// <summary>The transport as the JSON names it: <c>tcp</c>, <c>udp</c>, <c>unix</c>.</summary>
    public static string TransportName(Transport transport) => transport switch
    {
        Transport.Udp => "udp",
        Transport.Unix => "unix",
        _ => "tcp",
    };

    private static double Micro(TimeSpan value) => Math.Round(value.Ticks / 10.0, 1);

    private static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
}
