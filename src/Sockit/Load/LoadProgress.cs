namespace Sockit.Load;

/// <summary>The totals of a running load, as <see cref="LoadOptions.Progress"/> is told them.</summary>
/// <param name="Elapsed">Time since the connections were made.</param>
/// <param name="RoundTrips">Messages whose whole echo came back.</param>
/// <param name="Bytes">Bytes received (echoed) so far.</param>
/// <param name="Errors">Failures so far (see <see cref="LoadResult.Errors"/>).</param>
/// <param name="Mismatches">Echoes that differed from what was sent.</param>
public sealed record LoadProgress(TimeSpan Elapsed, long RoundTrips, long Bytes, long Errors, long Mismatches);
