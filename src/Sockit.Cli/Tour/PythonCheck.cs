namespace Sockit.Cli.Tour;

/// <summary>Puts python3's live answers beside a step's lines.</summary>
internal static class PythonCheck
{
    /// <summary>
    /// Runs the step's Python checks in python3 (one session) and records each answer on its line. A step whose
    /// Python talks to the tour's servers calls this while they still run; the tour calls it for the others.
    /// </summary>
    public static async Task<TourStep> RunAsync(TourStep step, CancellationToken cancellationToken)
    {
        if (step.PythonAsked)
        {
            return step;
        }
        var checks = step.Lines.Where(l => l.PythonCheck is not null).ToList();
        if (checks.Count == 0)
        {
            return step with { PythonAsked = true };
        }
        var answers = await PythonOracle.TryRunAsync(checks.Select(l => l.PythonCheck!).ToList(), cancellationToken).ConfigureAwait(false);
        if (answers is null)
        {
            return step with { PythonAsked = true, Notes = [.. step.Notes, "python3 is not available here, so only sockit's results are shown"] };
        }
        var byLine = new Dictionary<TourLine, string>(ReferenceEqualityComparer.Instance);
        foreach (var (line, answer) in checks.Zip(answers))
        {
            byLine[line] = answer;
        }
        return step with
        {
            PythonAsked = true,
            Lines = step.Lines.Select(l => byLine.TryGetValue(l, out var answer) ? l with { PythonResult = answer } : l).ToList(),
        };
    }
}
