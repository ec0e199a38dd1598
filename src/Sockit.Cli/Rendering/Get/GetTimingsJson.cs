using Sockit.Http;

namespace Sockit.Cli.Rendering;

/// <summary>
/// <c>timings</c> in <c>get --format json</c>: when each phase ended, in milliseconds from the start (of the first
/// request, with <c>-L</c>), as <c>-w</c>'s <c>time_*</c>; <c>tls</c> is 0 for plain http.
/// </summary>
internal sealed record GetTimingsJson(double Resolve, double Connect, double Tls, double FirstByte, double Total)
{
    public static GetTimingsJson From(HttpTimings timings) => new(
        Milliseconds(timings.NameLookup),
        Milliseconds(timings.Connect),
        Milliseconds(timings.TlsHandshake),
        Milliseconds(timings.FirstByte),
        Milliseconds(timings.Total));

    private static double Milliseconds(TimeSpan time) => Math.Round(time.TotalMilliseconds, 3);
}
