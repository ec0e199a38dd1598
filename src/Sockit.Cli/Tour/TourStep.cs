namespace Sockit.Cli.Tour;

/// <summary>A lesson step: what it teaches, its lines, and notes (why a line could not run, what to notice).</summary>
internal sealed record TourStep(int Number, string Title, string Explanation, IReadOnlyList<TourLine> Lines, IReadOnlyList<string> Notes)
{
    /// <summary>True once python3 has been asked about the step's lines (a step with servers asks while they still run).</summary>
    public bool PythonAsked { get; init; }
}
