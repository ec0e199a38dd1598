namespace Sockit.Cli.Tour;

/// <summary>Prints tour steps as text (for people), one JSON document, or a transcript python3 itself would print.</summary>
internal abstract class TourRenderer
{
    public static TourRenderer For(OutputFormat format, CliConsole console) => format switch
    {
        OutputFormat.Json => new JsonTourRenderer(console),
        OutputFormat.Python => new PythonTourRenderer(console),
        _ => new TextTourRenderer(console),
    };

    public abstract void Step(TourStep step, int count);

    public virtual void End(IReadOnlyList<TourStep> steps)
    {
    }
}
