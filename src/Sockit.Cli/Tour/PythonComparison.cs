namespace Sockit.Cli.Tour;

/// <summary>How a tour line's result compares with python3's for the same line.</summary>
internal enum PythonComparison
{
    /// <summary>Not compared (no python3, or nothing alike to compare).</summary>
    NotCompared,

    /// <summary>Equal, character for character.</summary>
    Same,

    /// <summary>Equal once the descriptor numbers are set aside; nothing else differs.</summary>
    SameButTheDescriptor,

    /// <summary>Equal once the port numbers (and descriptor numbers, where present) are set aside.</summary>
    SameButThePorts,

    /// <summary>Equal once an HTTP Date field (and descriptors and ports, where present) is set aside.</summary>
    SameButTheDate,

    /// <summary>Different.</summary>
    Differs,
}
