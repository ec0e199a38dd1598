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
        var withoutDescriptor = varies.HasFlag(ResultVaries.Descriptor);
        if (withoutDescriptor && Descriptor().Replace(sockit, "fd=N") == Descriptor().Replace(python, "fd=N"))
        {
            return PythonComparison.SameButTheDescriptor;
        }
        if (varies.HasFlag(ResultVaries.Port) && WithoutPorts(sockit, withoutDescriptor) == WithoutPorts(python, withoutDescriptor))
        {
            return PythonComparison.SameButThePorts;
        }
        return PythonComparison.Differs;
    }

    /// <summary>The words the text format puts after python3's result.</summary>
    public static string Label(PythonComparison comparison) => comparison switch
    {
        PythonComparison.Same => "same",
        PythonComparison.SameButTheDescriptor => "same but the descriptor",
        PythonComparison.SameButThePorts => "same but the ports",
        PythonComparison.Differs => "DIFFERS from sockit",
        _ => "",
    };

    /// <summary>The JSON document's word: <c>same</c>, <c>same-but-the-descriptor</c>, <c>same-but-the-ports</c>, <c>differs</c>.</summary>
    public static string? JsonName(PythonComparison comparison) => comparison switch
    {
        PythonComparison.Same => "same",
        PythonComparison.SameButTheDescriptor => "same-but-the-descriptor",
        PythonComparison.SameButThePorts => "same-but-the-ports",
        PythonComparison.Differs => "differs",
        _ => null,
    };

    private static string WithoutPorts(string text, bool withoutDescriptor)
    {
        var result = Port().Replace(text, "${address}, N");
        return withoutDescriptor ? Descriptor().Replace(result, "fd=N") : result;
    }

    [GeneratedRegex(@"fd=\d+")]
    private static partial Regex Descriptor();

    // A port inside a socket address tuple: ('127.0.0.1', 50000) or ('::1', 50000, 0, 0).
    [GeneratedRegex(@"(?<address>\('[^']*'), \d+")]
    private static partial Regex Port();
}
