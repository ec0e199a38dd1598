namespace Sockit.Cli.Tour;

/// <summary>
/// One line of a lesson step: the Python the lesson types, the C# that does the same with sockit, and the result
/// sockit computed just now (in Python's repr, so the two can be compared). <see cref="PythonCheck"/> is the Python
/// python3 runs for the same line, in one session a step (so a name bound by an earlier line is there for a later one),
/// when the step can be checked that way; usually it is <see cref="Python"/> itself.
/// </summary>
/// <remarks>
/// <see cref="Compare"/> is false where there is nothing alike to compare. <see cref="Varies"/> names what differs by
/// nature between two processes (a descriptor number, an ephemeral port): the comparison sets it aside and says so.
/// </remarks>
internal sealed record TourLine(string Python, string CSharp, string Result, string? PythonCheck = null, bool Compare = true, ResultVaries Varies = ResultVaries.Nothing)
{
    /// <summary>A line python3 checks by running exactly the Python shown.</summary>
    public static TourLine Checked(string python, string csharp, string result, ResultVaries varies = ResultVaries.Nothing) =>
        new(python, csharp, result, python, Varies: varies);

    /// <summary>Computes a line's result now; an expected failure (no address for this host, say) becomes the result, not a crash.</summary>
    public static TourLine Live(string python, string csharp, Func<string> compute, string? pythonCheck = null)
    {
        try
        {
            return new TourLine(python, csharp, compute(), pythonCheck);
        }
        catch (SockitException e)
        {
            return new TourLine(python, csharp, $"{e.GetType().Name}: {e.Message}", pythonCheck, Compare: false) { SockitOnly = true };
        }
    }

    /// <summary>
    /// sockit's result as Python prints the same outcome, where it is written differently in C#: Python's exception
    /// line (<c>TypeError: ...</c>) for a C# exception. Null when <see cref="Result"/> already is Python's form.
    /// </summary>
    public string? PythonView { get; init; }

    /// <summary>True when the outcome is an exception (then <see cref="AsPython"/> is its <c>Type: message</c> line).</summary>
    public bool Raises { get; init; }

    /// <summary>True when the result has no Python form (a C# failure without a Python counterpart): the transcript shows it as a comment.</summary>
    public bool SockitOnly { get; init; }

    /// <summary>sockit's outcome as Python writes it: what is compared with python3 and what the Python transcript prints.</summary>
    public string AsPython => PythonView ?? Result;

    /// <summary>What python3 gave for <see cref="PythonCheck"/> on this machine, or null when not asked.</summary>
    public string? PythonResult { get; init; }

    /// <summary>How sockit's outcome compares with python3's.</summary>
    public PythonComparison Comparison => PythonResult is null || !Compare
        ? PythonComparison.NotCompared
        : PythonComparisons.Of(AsPython, PythonResult, Varies);
}
