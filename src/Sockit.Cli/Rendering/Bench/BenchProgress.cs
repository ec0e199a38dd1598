using System.Globalization;
using Sockit.Load;

namespace Sockit.Cli.Rendering;

/// <summary>
/// The live line of <c>sockit bench</c> on a terminal's stderr, once a second and overwritten in place (<c>\r</c>):
/// time, round trips, the last second's rate, errors and mismatches. The library calls it from its timer thread,
/// never from a connection's loop, so a slow terminal slows only this line.
/// </summary>
internal sealed class BenchProgress(TextWriter error) : IProgress<LoadProgress>
{
    // ESC [ K: erase to the end of the line, so a shorter line leaves nothing of the longer one before it.
    private const string EraseToEnd = "\u001b[K";

    private readonly Lock _lock = new();
    private LoadProgress? _last;
    private bool _shown;

    public void Report(LoadProgress value)
    {
        lock (_lock)
        {
            error.Write("\r" + Line(value, _last) + EraseToEnd);
            _last = value;
            _shown = true;
        }
    }

    /// <summary>Erases the line, so the summary starts on a clean one.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            if (_shown)
            {
                error.Write("\r" + EraseToEnd);
                _shown = false;
            }
        }
    }

    /// <summary>The line for <paramref name="now"/>: the rate is over the time since <paramref name="before"/> (or since the start).</summary>
    public static string Line(LoadProgress now, LoadProgress? before)
    {
        var seconds = (now.Elapsed - (before?.Elapsed ?? TimeSpan.Zero)).TotalSeconds;
        var rate = seconds > 0 ? (now.RoundTrips - (before?.RoundTrips ?? 0)) / seconds : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"{now.Elapsed.TotalSeconds:0} s  {BenchText.Count(now.RoundTrips)} round trips  {BenchText.Rate(rate)}/s  errors {BenchText.Count(now.Errors)}  mismatches {BenchText.Count(now.Mismatches)}");
    }
}
