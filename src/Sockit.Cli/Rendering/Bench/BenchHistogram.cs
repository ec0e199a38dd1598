using System.Globalization;
using System.Text;
using Sockit.Load;

namespace Sockit.Cli.Rendering;

/// <summary>
/// The latency histogram drawn in the terminal: one line a bucket (log-scaled time: each bucket twice as wide as the
/// one before), a bar of block characters as long as its share of the fullest bucket, to an eighth of a cell.
/// </summary>
internal static class BenchHistogram
{
    public const int BarWidth = 40;

    // The eighths of a cell, from one eighth to a whole block.
    private static readonly string[] s_eighths = ["▏", "▎", "▍", "▌", "▋", "▊", "▉", "█"];

    public static void Write(IReadOnlyList<LatencyBucket> buckets, TextWriter output)
    {
        if (buckets.Count == 0)
        {
            return;
        }
        var total = buckets.Sum(b => b.Count);
        var fullest = buckets.Max(b => b.Count);
        var labels = buckets.Select(b => "≤ " + BenchText.Latency(b.To)).ToList();
        var labelWidth = labels.Max(l => l.Length);
        var countWidth = buckets.Max(b => BenchText.Count(b.Count).Length);
        output.WriteLine("latency histogram");
        for (var i = 0; i < buckets.Count; i++)
        {
            var count = buckets[i].Count;
            var share = total == 0 ? 0 : 100.0 * count / total;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {labels[i].PadLeft(labelWidth)} │{Bar(count, fullest)} {BenchText.Count(count).PadLeft(countWidth)} {share,5:0.0}%"));
        }
    }

    /// <summary>A bar of <see cref="BarWidth"/> cells, filled in eighths in proportion to <paramref name="count"/> of <paramref name="fullest"/>; any count above 0 shows at least an eighth.</summary>
    public static string Bar(long count, long fullest)
    {
        var eighths = fullest == 0 ? 0 : (int)Math.Round((double)count * BarWidth * 8 / fullest, MidpointRounding.AwayFromZero);
        if (count > 0 && eighths == 0)
        {
            eighths = 1;
        }
        var bar = new StringBuilder(BarWidth);
        bar.Append('█', eighths / 8);
        if (eighths % 8 > 0)
        {
            bar.Append(s_eighths[(eighths % 8) - 1]);
        }
        return bar.ToString().PadRight(BarWidth);
    }
}
