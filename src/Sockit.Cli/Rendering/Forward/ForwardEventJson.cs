namespace Sockit.Cli.Rendering;

/// <summary>
/// One JSON Lines event of <c>forward --format json</c> (docs/cli-json.md lists them): listening, connected, closed,
/// target-failed, handshake-failed, rejected, accept-failed, error. Fields an event does not use are left out.
/// </summary>
/// <param name="Version">The shape's version, 1; it changes only when a field changes meaning or goes away.</param>
/// <param name="Event">What happened.</param>
/// <param name="Client">The client: address:port; left out for an unnamed Unix socket client.</param>
/// <param name="Local">Where it listens: address:port, or the Unix socket's path (listening).</param>
/// <param name="Transport">tcp, udp or unix: the listening side's (listening).</param>
/// <param name="Target">The target as given: host:port or a path (every event but error).</param>
/// <param name="TargetTransport">tcp, udp or unix: the target's (listening).</param>
/// <param name="TargetAddress">The address the client was connected to (connected, closed).</param>
/// <param name="Tls">Which sides speak TLS: "listen", "target" or "both" (listening, when any does).</param>
/// <param name="Fingerprint">The SHA-256 fingerprint of the certificate served with --tls-listen (listening).</param>
/// <param name="BytesUp">Bytes from the client to the target (closed).</param>
/// <param name="BytesDown">Bytes from the target to the client (closed).</param>
/// <param name="Seconds">How long the client was served (closed).</param>
/// <param name="Reason">Why sockit closed or rejected the client, in words (closed after the UDP idle timeout, rejected).</param>
/// <param name="Error">The failure kind (target-failed, handshake-failed, accept-failed, error; closed when the relay failed).</param>
/// <param name="Exit">The exit code the failure would end a command with (error, target-failed, handshake-failed).</param>
/// <param name="Message">The failure in words.</param>
internal sealed record ForwardEventJson(
    int Version,
    string Event,
    string? Client = null,
    string? Local = null,
    string? Transport = null,
    string? Target = null,
    string? TargetTransport = null,
    string? TargetAddress = null,
    string? Tls = null,
    string? Fingerprint = null,
    long? BytesUp = null,
    long? BytesDown = null,
    double? Seconds = null,
    string? Reason = null,
    string? Error = null,
    int? Exit = null,
    string? Message = null);
