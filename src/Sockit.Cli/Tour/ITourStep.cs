namespace Sockit.Cli.Tour;

/// <summary>A step's work: computes its lines live; may be async (servers on loopback).</summary>
internal interface ITourStep
{
    string Title { get; }

    Task<TourStep> RunAsync(int number, TourOptions options, CancellationToken cancellationToken);
}
