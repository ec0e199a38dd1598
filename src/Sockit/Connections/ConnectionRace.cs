using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sockit.Connections;

/// <summary>
/// Happy Eyeballs' connection attempts (RFC 8305 section 5) for one host: the first address starts; whenever the
/// newest attempt has had no answer for the attempt delay, or an attempt fails, the next address starts, the earlier
/// attempts going on; the first to connect wins and the rest are cancelled and closed. One loop makes every decision
/// and every progress call, so the calls come in order and never overlap. The overall timeout (when given) stops
/// every attempt and starts no more.
/// </summary>
internal sealed class ConnectionRace
{
    private readonly string _host;
    private readonly IReadOnlyList<IPEndPoint> _endPoints;
    private readonly ConnectOptions _options;
    private readonly IConnectProgress? _progress;
    private readonly List<Attempt> _pending = [];
    private readonly List<IPEndPoint> _tried = [];

    private ConnectionRace(string host, IReadOnlyList<IPEndPoint> endPoints, ConnectOptions options, IConnectProgress? progress)
    {
        _host = host;
        _endPoints = endPoints;
        _options = options;
        _progress = progress;
    }

    /// <summary>One connect under way: its address, its place in the order, when it started, and the task that ends with a connected socket.</summary>
    private sealed record Attempt(IPEndPoint EndPoint, int Index, long Started, Task<Socket> Task);

    /// <summary>
    /// Connects to one of <paramref name="endPoints"/> (in Happy Eyeballs' order already) and returns its socket, or
    /// throws the last failure with <see cref="ConnectionException.Tried"/> naming every address started.
    /// </summary>
    public static Task<Socket> RunAsync(
        string host, IReadOnlyList<IPEndPoint> endPoints, ConnectOptions options, IConnectProgress? progress, CancellationToken cancellationToken) =>
        new ConnectionRace(host, endPoints, options, progress).RunAsync(cancellationToken);

    private async Task<Socket> RunAsync(CancellationToken cancellationToken)
    {
        using var deadline = _options.ConnectTimeout is { } timeout ? new CancellationTokenSource(timeout) : null;
        // Cancelled when the race ends either way: stops the timers and the attempts still under way.
        using var end = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadlineToken = deadline?.Token ?? CancellationToken.None;
        ConnectionException? last = null;
        var next = 0;
        Task? delay = null;

        void StartNext()
        {
            var endPoint = _endPoints[next];
            _tried.Add(endPoint);
            _progress?.OnConnecting(endPoint, next);
            _pending.Add(new Attempt(endPoint, next, Stopwatch.GetTimestamp(), AttemptAsync(endPoint, deadlineToken, end.Token)));
            next++;
            // The delay counts from the newest attempt's start; an infinite delay waits for a failure instead.
            delay = next < _endPoints.Count && _options.AttemptDelay != Timeout.InfiniteTimeSpan ? Task.Delay(_options.AttemptDelay, end.Token) : null;
        }

        bool MayStartMore() => next < _endPoints.Count && !deadlineToken.IsCancellationRequested;

        try
        {
            StartNext();
            while (true)
            {
                var waiting = new List<Task>(_pending.Count + 1);
                waiting.AddRange(_pending.Select(a => a.Task));
                if (delay is not null)
                {
                    waiting.Add(delay);
                }
                var done = await Task.WhenAny(waiting).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                if (done == delay)
                {
                    delay = null;
                    if (MayStartMore())
                    {
                        StartNext();
                    }
                    continue;
                }
                var attempt = _pending.First(a => a.Task == done);
                _pending.Remove(attempt);
                try
                {
                    var socket = await attempt.Task.ConfigureAwait(false);
                    _progress?.OnConnected(attempt.EndPoint, socket.LocalEndPoint, Stopwatch.GetElapsedTime(attempt.Started));
                    foreach (var other in _pending)
                    {
                        _progress?.OnAttemptAbandoned(other.EndPoint);
                    }
                    return socket;
                }
                catch (ConnectionException e)
                {
                    _progress?.OnAttemptFailed(attempt.EndPoint, e);
                    last = e;
                }
                if (MayStartMore())
                {
                    StartNext();
                }
                else if (_pending.Count == 0)
                {
                    throw Connector.AllFailed(_host, _endPoints[0].Port, _tried, last);
                }
            }
        }
        finally
        {
            await end.CancelAsync().ConfigureAwait(false);
            await CloseAbandonedAsync().ConfigureAwait(false);
        }
    }

    // One attempt: a fresh TCP socket connected to the endpoint, or a ConnectionException saying why not.
    private async Task<Socket> AttemptAsync(IPEndPoint endPoint, CancellationToken deadline, CancellationToken cancellationToken)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            Connector.BindLocal(socket, endPoint, _options, _host);
            await Connector.ConnectSocketAsync(socket, endPoint, Connector.Describe(_host, endPoint), _options.ConnectTimeout, deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectionException e)
        {
            throw Connector.ForEndPoint(e, _host, endPoint);
        }
        return socket;
    }

    // The attempts still under way when the race ended: cancelled already; wait for each to let go of its socket,
    // and close the socket of one that connected in the meantime.
    private async Task CloseAbandonedAsync()
    {
        foreach (var attempt in _pending)
        {
            try
            {
                var socket = await attempt.Task.ConfigureAwait(false);
                socket.Dispose();
            }
            catch (Exception e) when (e is OperationCanceledException or ConnectionException or SocketException or ObjectDisposedException)
            {
                // Cancelled, or failed on its own: either way its socket is closed already.
            }
        }
        _pending.Clear();
    }
}
