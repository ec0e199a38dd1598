using Sockit.Cli.Rendering;

namespace Sockit.Cli.Tour;

/// <summary>The whole tour as one JSON document, printed at the end (docs/cli-json.md, "tour").</summary>
internal sealed class JsonTourRenderer(CliConsole console) : TourRenderer
{
    public override void Step(TourStep step, int count)
    {
    }

    public override void End(IReadOnlyList<TourStep> steps)
    {
        var document = new TourJson(JsonContract.Version, steps.Select(s => new TourStepJson(
            s.Number, s.Title, s.Explanation,
            s.Lines.Select(l => new TourLineJson(
                l.Python, l.CSharp, l.Result, l.PythonView, l.PythonResult,
                MatchesPython(l.Comparison), PythonComparisons.JsonName(l.Comparison))).ToList(),
            s.Notes)).ToList());
        JsonOutput.Write(console.Out, document, TourJsonContext.Default.TourJson);
    }

    private static bool? MatchesPython(PythonComparison comparison) => comparison switch
    {
        PythonComparison.NotCompared => null,
        PythonComparison.Differs => false,
        _ => true,
    };
}
