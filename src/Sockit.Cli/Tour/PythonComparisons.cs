using System.Text.RegularExpressions;

namespace Sockit.Cli.Tour;

/// <summary>Compares sockit's result with python3's, setting aside only what a line declares varies by nature.</summary>
internal static partial class PythonComparisons
{
    public static PythonComparison Of(string sockit, string python, ResultVaries varies)
    {
        if (sockit == python)
        {
            return PythonComparison.Same;
        }
        // Set aside each thing that varies in turn, and name the comparison after the last one needed.
        (ResultVaries Part, PythonComparison Name, Func<string, string> Normalise)[] steps =
        [
            (ResultVaries.Descriptor, PythonComparison.SameButTheDescriptor, t => Descriptor().Replace(t, "fd=N")),
            (ResultVaries.Port, PythonComparison.SameButThePorts, t => Port().Replace(t, "${address}, N")),
            (ResultVaries.Date, PythonComparison.SameButTheDate, t => Date().Replace(t, "Date: D")),
        ];
        foreach (var (part, name, normalise) in steps.Where(s => varies.HasFlag(s.Part)))
        {
            sockit = normalise(sockit);
            python = normalise(python);
            if (sockit == python)
            {
                return name;
            }
        }
        return PythonComparison.Differs;
    }

    /// <summary>The words the text format puts after python3's result.</summary>
    public static string Label(PythonComparison comparison) => comparison switch
    {
        PythonComparison.Same => "same",
        PythonComparison.SameButTheDescriptor => "same but the descriptor",
        PythonComparison.SameButThePorts => "same but the ports",
        PythonComparison.SameButTheDate => "same but the Date field",
        PythonComparison.Differs => "DIFFERS from sockit",
        _ => "",
    };

    /// <summary>The JSON document's word: <c>same</c>, <c>same-but-the-descriptor</c>, <c>same-but-the-ports</c>, <c>differs</c>.</summary>
    public static string? JsonName(PythonComparison comparison) => comparison switch
    {
        PythonComparison.Same => "same",
        PythonComparison.SameButTheDescriptor => "same-but-the-descriptor",
        PythonComparison.SameButThePorts => "same-but-the-ports",
        PythonComparison.SameButTheDate => "same-but-the-date",
        PythonComparison.Differs => "differs",
        _ => null,
    };

    [GeneratedRegex(@"fd=\d+")]
    private static partial Regex Descriptor();

    // A port inside a socket address tuple: ('127.0.0.1', 50000) or ('::1', 50000, 0, 0).
    [GeneratedRegex(@"(?<address>\('[^']*'), \d+")]
    private static partial Regex Port();

    // An HTTP Date field inside a repr, up to its end or the end of the slice ("\r" is written as a backslash and r).
    [GeneratedRegex(@"Date: [^'\\]*")]
    private static partial Regex Date();
}
