namespace Sockit.Cli.Tour;

/// <summary>For people: each line's Python, C#, sockit's result and python3's, with how the two compare.</summary>
internal sealed class TextTourRenderer(CliConsole console) : TourRenderer
{
    private readonly bool _color = console.ColorOnOutput;

    public override void Step(TourStep step, int count)
    {
        var output = console.Out;
        output.WriteLine(Bold($"Step {step.Number}/{count}: {step.Title}"));
        if (step.Explanation.Length > 0)
        {
            output.WriteLine($"  {step.Explanation}");
        }
        foreach (var line in step.Lines)
        {
            output.WriteLine();
            WriteLabelled(output, "python", line.Python);
            WriteLabelled(output, "c#", line.CSharp);
            WriteLabelled(output, "result", line.Result);
            if (line.PythonView is not null)
            {
                WriteLabelled(output, "as py", line.PythonView);
            }
            if (line.PythonResult is not null)
            {
                var comparison = line.Comparison;
                WriteLabelled(output, "python3", comparison == PythonComparison.NotCompared
                    ? line.PythonResult
                    : $"{line.PythonResult}  ({PythonComparisons.Label(comparison)})");
            }
        }
        foreach (var note in step.Notes)
        {
            output.WriteLine($"  note: {note}");
        }
        output.WriteLine();
    }

    private void WriteLabelled(TextWriter output, string label, string text)
    {
        var indent = new string(' ', 12);
        var lines = text.Split('\n');
        output.WriteLine($"  {Dim(label.PadRight(8))}  {lines[0]}");
        foreach (var rest in lines.Skip(1))
        {
            output.WriteLine($"{indent}{rest}");
        }
    }

    private string Bold(string text) => _color ? $"\u001b[1m{text}\u001b[0m" : text;

    private string Dim(string text) => _color ? $"\u001b[2m{text}\u001b[0m" : text;
}
