using Sockit.Connections;

namespace Sockit.Load;

/// <summary>What a finished <see cref="LoadGenerator"/> run measured.</summary>
/// <param name="Transport">TCP, UDP or Unix.</param>
/// <param name="Target">The server as connected to: <c>127.0.0.1:7</c>, <c>[::1]:7</c>, or the Unix socket's path.</param>
/// <param name="Connections">Connections (or UDP sockets) that connected at the start.</param>
/// <param name="MessageSize">Bytes in one message.</param>
/// <param name="Pipeline">Messages in flight a connection.</param>
/// <param name="RoundTrips">Messages whose whole echo came back (matching or not).</param>
/// <param name="Bytes">Bytes sent in those round trips (each one's echo is as long).</param>
/// <param name="Elapsed">From the first message to the last echo.</param>
/// <param name="Errors">
/// Failures: a connect that failed (at the start, or again after a failure), a connection the server reset or closed
/// with messages in flight, a connection that received nothing for <see cref="LoadOptions.EchoTimeout"/>, and for UDP a
/// datagram whose echo did not come in that time.
/// </param>
/// <param name="Mismatches">Round trips whose echo differed from the message in at least one byte (or brought bytes that were never sent).</param>
/// <param name="FirstError">The first failure in plain words, or null when there was none.</param>
/// <param name="Latency">Round-trip latency percentiles and the histogram.</param>
public sealed record LoadResult(
    Transport Transport,
    string Target,
    int Connections,
    int MessageSize,
    int Pipeline,
    long RoundTrips,
    long Bytes,
    TimeSpan Elapsed,
    long Errors,
    long Mismatches,
    string? FirstError,
    LoadLatency Latency)
{
    /// <summary>Round trips a second over <see cref="Elapsed"/>; 0 when no time passed.</summary>
    public double RoundTripsPerSecond => Elapsed > TimeSpan.Zero ? RoundTrips / Elapsed.TotalSeconds : 0;

    /// <summary>Megabytes (10^6 bytes) echoed a second, one direction: <see cref="Bytes"/> over <see cref="Elapsed"/>.</summary>
    public double MegabytesPerSecond => Elapsed > TimeSpan.Zero ? Bytes / Elapsed.TotalSeconds / 1e6 : 0;
}
