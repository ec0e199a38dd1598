using System.Text.Json.Serialization;

namespace Sockit.Cli.Tour;

/// <summary>One line in the tour's JSON document.</summary>
internal sealed record TourLineJson(
    string Python,
    [property: JsonPropertyName("csharp")] string CSharp,
    string Result,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AsPython,
    string? PythonResult,
    bool? MatchesPython,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Comparison);
