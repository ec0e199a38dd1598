using Sockit.Cli.Rendering;

namespace Sockit.Cli.Tour;

/// <summary>
/// The tour as the transcript python3's interactive interpreter would print for the same session: <c>&gt;&gt;&gt; </c>
/// and <c>... </c> before the code, then sockit's outcome as Python prints it: a value's repr, nothing for None, a
/// traceback (its frames elided as <c>  ...</c>, as doctest writes them) for an exception. Titles and notes are
/// comments; a result with no Python form (a line only C# can compute) is a comment too.
/// </summary>
internal sealed class PythonTourRenderer(CliConsole console) : TourRenderer
{
    private bool _started;

    public override void Step(TourStep step, int count)
    {
        var output = console.Out;
        if (!_started)
        {
            output.WriteLine(">>> import socket");
            _started = true;
        }
        output.WriteLine($">>> # Step {step.Number}/{count}: {step.Title}");
        foreach (var line in step.Lines)
        {
            WriteCode(output, line.Python);
            WriteOutcome(output, line);
        }
        foreach (var note in step.Notes)
        {
            output.WriteLine($">>> # note: {note.ReplaceLineEndings(" ")}");
        }
    }

    // A statement starts at column 0; its indented lines continue it, and the interpreter needs an empty
    // continuation line to end an indented block.
    private static void WriteCode(TextWriter output, string code)
    {
        var inBlock = false;
        foreach (var text in code.Split('\n'))
        {
            var indented = text.Length > 0 && char.IsWhiteSpace(text[0]);
            if (inBlock && !indented)
            {
                output.WriteLine("... ");
            }
            output.WriteLine((indented ? "... " : ">>> ") + text);
            inBlock = indented;
        }
        if (inBlock)
        {
            output.WriteLine("... ");
        }
    }

    private static void WriteOutcome(TextWriter output, TourLine line)
    {
        if (line.SockitOnly || IsComment(line.Python))
        {
            output.WriteLine($">>> # sockit: {line.Result.ReplaceLineEndings(" ")}");
        }
        else if (line.Raises)
        {
            output.WriteLine("Traceback (most recent call last):");
            output.WriteLine("  ...");
            output.WriteLine(line.AsPython);
        }
        else if (line.AsPython != PyRepr.None)
        {
            output.WriteLine(line.AsPython);
        }
    }

    private static bool IsComment(string code) => code.Split('\n').All(l => l.TrimStart().StartsWith('#'));
}
