namespace Sockit.Cli.Tour;

/// <summary>The tour's options.</summary>
/// <param name="Url">Where step 5 fetches a page; null for a server the tour starts on loopback.</param>
internal sealed record TourOptions(Uri? Url);
