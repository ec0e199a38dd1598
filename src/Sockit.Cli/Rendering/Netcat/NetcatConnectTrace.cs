using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Sockit.Connections;

namespace Sockit.Cli.Rendering;

/// <summary>
/// <c>connect -v</c>: each step of the connect as a line on stderr (what the name resolved to, each attempt and its
/// outcome, with times), and with <c>--format json</c> as a JSON Lines event on stdout too. The library calls it one
/// step at a time, so it keeps which attempts are still under way without a lock of its own.
/// </summary>
internal sealed class NetcatConnectTrace(CliConsole console, TimeSpan attemptDelay, Action<ConnectStepJson>? json) : IConnectProgress
{
    private const int Version = 1;
    private readonly Dictionary<IPEndPoint, long> _underWay = [];
    private IPEndPoint? _newest;
    private IPEndPoint? _winner;

    public void OnResolving(string host)
    {
        Status($"resolving {host} ...");
        json?.Invoke(new ConnectStepJson(Version, "resolving", Host: host));
    }

    public void OnResolved(string host, IReadOnlyList<IPAddress> addresses)
    {
        Status($"{host} is {string.Join(", ", addresses)}");
        json?.Invoke(new ConnectStepJson(Version, "resolved", Host: host, Addresses: [.. addresses.Select(a => a.ToString())]));
    }

    public void OnConnecting(IPEndPoint endPoint, int index)
    {
        // Another attempt still under way means the newest one had no answer within the attempt delay (a failure
        // would have ended it first): say so, since that is why this one starts.
        Status(_newest is { } newest && _underWay.ContainsKey(newest)
            ? $"{Words(newest)}: no answer within {Milliseconds(attemptDelay)}, trying {Words(endPoint)} too"
            : $"trying {Words(endPoint)} ...");
        _underWay[endPoint] = Stopwatch.GetTimestamp();
        _newest = endPoint;
        json?.Invoke(new ConnectStepJson(Version, "attempt", Peer: Endpoints.Format(endPoint), Attempt: index + 1));
    }

    public void OnAttemptFailed(IPEndPoint endPoint, ConnectionException failure)
    {
        var elapsed = Elapsed(endPoint);
        var reason = failure.InnerException is SocketException e ? e.Message : failure.Message;
        Status($"{Words(endPoint)}: {reason} after {Milliseconds(elapsed)}");
        json?.Invoke(new ConnectStepJson(Version, "attempt-failed", Peer: Endpoints.Format(endPoint), Ms: Round(elapsed),
            Error: Failures.FailureReport.KindOf(failure.Failure), Reason: reason));
    }

    public void OnConnected(IPEndPoint endPoint, EndPoint? localEndPoint, TimeSpan elapsed)
    {
        _underWay.Remove(endPoint);
        _winner = endPoint;
        var local = localEndPoint is null ? null : Endpoints.Format(localEndPoint);
        Status(local is null
            ? $"connected to {Words(endPoint)} in {Milliseconds(elapsed)}"
            : $"connected to {Words(endPoint)} (from {local}) in {Milliseconds(elapsed)}");
        json?.Invoke(new ConnectStepJson(Version, "attempt-connected", Peer: Endpoints.Format(endPoint), Local: local, Ms: Round(elapsed)));
    }

    public void OnAttemptAbandoned(IPEndPoint endPoint)
    {
        var elapsed = Elapsed(endPoint);
        Status(_winner is { } winner
            ? $"{Words(endPoint)}: no answer after {Milliseconds(elapsed)}, given up: {Words(winner)} connected first"
            : $"{Words(endPoint)}: no answer after {Milliseconds(elapsed)}, given up: another address connected first");
        json?.Invoke(new ConnectStepJson(Version, "attempt-abandoned", Peer: Endpoints.Format(endPoint), Ms: Round(elapsed)));
    }

    /// <summary>-vv's last line: what the relay moved.</summary>
    public static string Closed(RelayResult result) =>
        string.Create(CultureInfo.InvariantCulture, $"closed: {result.BytesSent} bytes sent, {result.BytesReceived} received");

    private TimeSpan Elapsed(IPEndPoint endPoint) =>
        _underWay.Remove(endPoint, out var started) ? Stopwatch.GetElapsedTime(started) : TimeSpan.Zero;

    // An address and port as ncat and the lesson say it: "::1 port 8000" (no brackets needed with the word "port").
    private static string Words(IPEndPoint endPoint) =>
        string.Create(CultureInfo.InvariantCulture, $"{endPoint.Address} port {endPoint.Port}");

    private static string Milliseconds(TimeSpan t) =>
        t.TotalMilliseconds.ToString(t.TotalMilliseconds < 10 ? "0.#" : "0", CultureInfo.InvariantCulture) + " ms";

    private static double Round(TimeSpan t) => Math.Round(t.TotalMilliseconds, 3);

    private void Status(string line)
    {
        lock (console)
        {
            console.Error.WriteLine(line);
        }
    }
}
