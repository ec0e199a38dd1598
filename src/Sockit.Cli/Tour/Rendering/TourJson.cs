namespace Sockit.Cli.Tour;

/// <summary>The tour's JSON document.</summary>
internal sealed record TourJson(int Version, IReadOnlyList<TourStepJson> Steps);
