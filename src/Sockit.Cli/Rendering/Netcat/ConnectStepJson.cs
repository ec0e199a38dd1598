namespace Sockit.Cli.Rendering;

/// <summary>
/// One JSON Lines event of <c>connect -v --format json</c> for a step of the connect (docs/cli-json.md lists them):
/// resolving, resolved, attempt, attempt-failed, attempt-connected, attempt-abandoned. Fields an event does not use
/// are left out.
/// </summary>
/// <param name="Version">The shape's version, 1.</param>
/// <param name="Event">What happened.</param>
/// <param name="Host">The name being resolved (resolving, resolved).</param>
/// <param name="Addresses">The addresses, in the order they will be tried (resolved).</param>
/// <param name="Peer">The address:port of the attempt.</param>
/// <param name="Attempt">The attempt's place in that order, 1 for the first (attempt).</param>
/// <param name="Local">This end of the connection (attempt-connected).</param>
/// <param name="Ms">Milliseconds since the attempt started (attempt-failed, attempt-connected).</param>
/// <param name="Error">The failure kind (attempt-failed).</param>
/// <param name="Reason">The OS's reason in words (attempt-failed).</param>
internal sealed record ConnectStepJson(
    int Version,
    string Event,
    string? Host = null,
    IReadOnlyList<string>? Addresses = null,
    string? Peer = null,
    int? Attempt = null,
    string? Local = null,
    double? Ms = null,
    string? Error = null,
    string? Reason = null);
