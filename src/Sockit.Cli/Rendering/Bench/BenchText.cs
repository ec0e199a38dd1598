using System.Globalization;

namespace Sockit.Cli.Rendering;

/// <summary>How <c>sockit bench</c> writes numbers for people: latencies with three significant digits and a unit, counts with thousands separators.</summary>
internal static class BenchText
{
    /// <summary><c>987 ns</c>, <c>9.87 µs</c>, <c>98.7 µs</c>, <c>987 µs</c>, <c>1.02 ms</c>, <c>1.05 s</c>.</summary>
    public static string Latency(TimeSpan latency)
    {
        var nanoseconds = latency.Ticks * 100.0;
        var (value, unit) = nanoseconds < 1e3 ? (nanoseconds, "ns")
            : nanoseconds < 1e6 ? (nanoseconds / 1e3, "µs")
            : nanoseconds < 1e9 ? (nanoseconds / 1e6, "ms")
            : (nanoseconds / 1e9, "s");
        // Three significant digits, rounded first so 999.96 µs does not print as "1000 µs" with the wrong digit count.
        var format = value >= 99.95 ? "0" : value >= 9.995 ? "0.0" : "0.00";
        return value.ToString(format, CultureInfo.InvariantCulture) + " " + unit;
    }

    /// <summary>1,234,567.</summary>
    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>123,457 (a rate, rounded to a whole number).</summary>
    public static string Rate(double rate) => rate.ToString("N0", CultureInfo.InvariantCulture);
}
