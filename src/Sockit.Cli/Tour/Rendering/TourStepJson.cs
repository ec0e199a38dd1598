namespace Sockit.Cli.Tour;

/// <summary>One step in the tour's JSON document.</summary>
internal sealed record TourStepJson(int Number, string Title, string Explanation, IReadOnlyList<TourLineJson> Lines, IReadOnlyList<string> Notes);
