namespace Sockit.Cli.Rendering;

/// <summary>
/// One JSON Lines event of <c>connect</c> and <c>listen</c> with <c>--format json</c> (docs/cli-json.md lists them):
/// listening, connected, data, closed, rejected, error, dropped. Fields an event does not use are left out.
/// </summary>
/// <param name="Version">The shape's version, 1; it changes only when a field changes meaning or goes away.</param>
/// <param name="Event">What happened.</param>
/// <param name="Peer">The other end: address:port, or the Unix socket's path.</param>
/// <param name="Local">This end: address:port, or the Unix socket's path.</param>
/// <param name="Transport">tcp, udp or unix (listening).</param>
/// <param name="Mode">echo or reply when the listener answers by itself (listening).</param>
/// <param name="Direction">sent (to the peer) or received (from it) (data).</param>
/// <param name="Bytes">How many bytes the chunk holds (data), or how many bytes of events a slow reader missed (dropped).</param>
/// <param name="Base64">The chunk's bytes, base64 (data).</param>
/// <param name="BytesSent">Bytes sent to the peer in all (closed, after a relay or a server's client).</param>
/// <param name="BytesReceived">Bytes received from the peer in all (closed, after a relay or a server's client).</param>
/// <param name="Reason">Why a peer was closed or rejected, in words.</param>
/// <param name="Error">The failure kind (error).</param>
/// <param name="Exit">The exit code the failure ends the command with (error).</param>
/// <param name="Message">The failure in words (error).</param>
/// <param name="Fingerprint">The SHA-256 fingerprint of the certificate a TLS listener serves (listening, with --tls).</param>
/// <param name="Pid">The process id of the program run for the peer (exited, with --exec or --sh-exec).</param>
/// <param name="Status">The program's exit status; 128 + N when signal N ended it (exited).</param>
internal sealed record StreamEventJson(
    int Version,
    string Event,
    string? Peer = null,
    string? Local = null,
    string? Transport = null,
    string? Mode = null,
    string? Direction = null,
    long? Bytes = null,
    string? Base64 = null,
    long? BytesSent = null,
    long? BytesReceived = null,
    string? Reason = null,
    string? Error = null,
    int? Exit = null,
    string? Message = null,
    string? Fingerprint = null,
    int? Pid = null,
    int? Status = null);
