namespace Sockit.Cli.Tour;

/// <summary>
/// One line of a lesson step: the Python the lesson types, the C# that does the same with sockit, and the result
/// sockit computed just now (in Python's repr, so the two can be compared). <see cref="PythonCheck"/> is the Python
/// expression whose repr python3 should print for the same call, when the step can be checked that way.
/// </summary>
/// <see cref="Compare"/> is false where the two languages are meant to differ (a C# exception beside a Python one);
/// <see cref="DescriptorVaries"/> compares a socket repr without its <c>fd=N</c>, which differs between two processes.
internal sealed partial record TourLine(string Python, string CSharp, string Result, string? PythonCheck = null, bool Compare = true, bool DescriptorVaries = false)
{
    /// <summary>Computes a line's result now; an expected failure (no address for this host, say) becomes the result, not a crash.</summary>
    public static TourLine Live(string python, string csharp, Func<string> compute, string? pythonCheck = null, bool descriptorVaries = false)
    {
        try
        {
            return new TourLine(python, csharp, compute(), pythonCheck, DescriptorVaries: descriptorVaries);
        }
        catch (SockitException e)
        {
            return new TourLine(python, csharp, $"{e.GetType().Name}: {e.Message}", pythonCheck, Compare: false);
        }
    }

    /// <summary>What python3 printed for <see cref="PythonCheck"/> on this machine, or null when not asked.</summary>
    public string? PythonResult { get; init; }

    public bool? MatchesPython => PythonResult is null || !Compare ? null
        : DescriptorVaries ? Descriptor().Replace(PythonResult, "fd=N") == Descriptor().Replace(Result, "fd=N")
        : PythonResult == Result;

    [System.Text.RegularExpressions.GeneratedRegex(@"fd=\d+")]
    private static partial System.Text.RegularExpressions.Regex Descriptor();
}

/// <summary>A lesson step: what it teaches, its lines, and notes (why a line could not run, what to notice).</summary>
internal sealed record TourStep(int Number, string Title, string Explanation, IReadOnlyList<TourLine> Lines, IReadOnlyList<string> Notes);

/// <summary>A step's work: computes its lines live; may be async (servers on loopback).</summary>
internal interface ITourStep
{
    string Title { get; }

    Task<TourStep> RunAsync(int number, TourOptions options, CancellationToken cancellationToken);
}

/// <summary>The tour's options.</summary>
/// <param name="Url">Where step 5 fetches a page; null for a server the tour starts on loopback.</param>
internal sealed record TourOptions(Uri? Url);
