using System.Text.Json.Serialization;
using Sockit.Cli.Rendering;

namespace Sockit.Cli.Tour;

/// <summary>Prints tour steps as text (for people), one JSON document, or a Python-style transcript.</summary>
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
            if (line.PythonResult is not null)
            {
                WriteLabelled(output, "python3", line.MatchesPython switch
                {
                    true => $"{line.PythonResult}  (same)",
                    false => $"{line.PythonResult}  (DIFFERS from sockit)",
                    null => line.PythonResult,
                });
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

/// <summary>An IPython-like transcript: the Python line, then sockit's result as Python would print it.</summary>
internal sealed class PythonTourRenderer(CliConsole console) : TourRenderer
{
    public override void Step(TourStep step, int count)
    {
        console.Out.WriteLine($"# Step {step.Number}/{count}: {step.Title}");
        foreach (var line in step.Lines)
        {
            var first = true;
            foreach (var code in line.Python.Split('\n'))
            {
                console.Out.WriteLine((first ? ">>> " : "... ") + code);
                first = false;
            }
            console.Out.WriteLine(line.Result);
        }
        console.Out.WriteLine();
    }
}

internal sealed class JsonTourRenderer(CliConsole console) : TourRenderer
{
    public override void Step(TourStep step, int count)
    {
    }

    public override void End(IReadOnlyList<TourStep> steps)
    {
        var document = new TourJson(steps.Select(s => new TourStepJson(
            s.Number, s.Title, s.Explanation,
            s.Lines.Select(l => new TourLineJson(l.Python, l.CSharp, l.Result, l.PythonResult, l.MatchesPython)).ToList(),
            s.Notes)).ToList());
        JsonOutput.Write(console.Out, document, TourJsonContext.Default.TourJson);
    }
}

internal sealed record TourJson(IReadOnlyList<TourStepJson> Steps);

internal sealed record TourStepJson(int Number, string Title, string Explanation, IReadOnlyList<TourLineJson> Lines, IReadOnlyList<string> Notes);

internal sealed record TourLineJson(string Python, [property: JsonPropertyName("csharp")] string CSharp, string Result, string? PythonResult, bool? MatchesPython);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(TourJson))]
internal sealed partial class TourJsonContext : JsonSerializerContext;
