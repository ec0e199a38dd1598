using System.Diagnostics;
using System.Globalization;
using Sockit.Connections;

namespace Sockit.Load;

/// <summary>
/// An echo load generator: opens <see cref="LoadOptions.Connections"/> connections to an echo server, and on each sends
/// a message, waits for its whole echo, checks every byte, and repeats (or keeps <see cref="LoadOptions.Pipeline"/>
/// messages in flight), for a duration or a number of messages. Measures round trips, throughput and latency
/// (HdrHistogram). On Linux, TCP and Unix connections are all driven by one epoll thread (<see cref="EpollLoadLoop"/>),
/// as a C load generator is built; elsewhere, and for UDP, each connection is an asynchronous loop on the thread pool.
/// Either way the hot path allocates nothing, so the generator is not what limits the numbers.
/// </summary>
public static class LoadGenerator
{
    // How often the watchdog looks for connections whose echo is overdue.
    private static readonly TimeSpan s_watchInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Runs the load and returns what it measured. Failures during the run (a reset, a closed connection, an echo
    /// that never came) are counted in <see cref="LoadResult.Errors"/>; when no connection can be made at all, or
    /// every one is refused before a single echo, throws the <see cref="ConnectionException"/> (or
    /// <see cref="LookupException"/>) of the first attempt.
    /// </summary>
    public static async Task<LoadResult> RunAsync(LoadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var target = new LoadTarget(options) { Direct = EpollLoadLoop.CanRun(options) };
        var run = new LoadRun(options, target);
        var opened = await ConnectAllAsync(run, cancellationToken).ConfigureAwait(false);
        var (connections, loop) = Loops(run, opened);

        var started = Stopwatch.GetTimestamp();
        using var stopTimer = options.Requests is null ? new Timer(_ => run.Budget.Stop(), null, options.Duration, Timeout.InfiniteTimeSpan) : null;
        using var cancelled = cancellationToken.Register(() =>
        {
            run.Cancel();
            foreach (var connection in connections)
            {
                connection.Abort(null);
            }
        });
        using var watching = new CancellationTokenSource();
        var watch = WatchAsync(run, connections, started, watching.Token);
        loop?.Start(connections.Cast<EpollLoadConnection>().ToList());
        var loops = new Task[connections.Count];
        for (var i = 0; i < loops.Length; i++)
        {
            loops[i] = connections[i].RunAsync();
        }
        await Task.WhenAll(loops).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        await watching.CancelAsync().ConfigureAwait(false);
        await watch.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        var roundTrips = connections.Sum(c => c.RoundTrips);
        if (roundTrips == 0 && run.FirstException is ConnectionException { Failure: SockitFailure.Refused } refused)
        {
            // Refused before a single echo (a UDP port with nothing on it): the same failure as a refused connect.
            throw refused;
        }
        return new LoadResult(
            options.Transport,
            target.Name,
            connections.Count,
            options.MessageSize,
            options.Pipeline,
            roundTrips,
            connections.Sum(c => c.Bytes),
            elapsed,
            connections.Sum(c => c.Errors) + run.StartErrors,
            connections.Sum(c => c.Mismatches),
            run.FirstError,
            LatencyRecorder.Merge(connections.Select(c => c.Latency).Distinct()));
    }

    private static void Validate(LoadOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Connections, 1, nameof(options.Connections));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MessageSize, 1, nameof(options.MessageSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Pipeline, 1, nameof(options.Pipeline));
        if ((long)options.MessageSize * options.Pipeline > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MessageSize times Pipeline is more than one buffer holds");
        }
        if (options.Requests is { } requests)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(requests, 1, nameof(options.Requests));
        }
        else
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Duration, TimeSpan.Zero, nameof(options.Duration));
        }
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.EchoTimeout, TimeSpan.Zero, nameof(options.EchoTimeout));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ProgressInterval, TimeSpan.Zero, nameof(options.ProgressInterval));
        switch (options.Transport)
        {
            case Transport.Unix:
                ArgumentException.ThrowIfNullOrEmpty(options.Path, nameof(options.Path));
                break;
            case Transport.Udp:
                ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MessageSize, LoadOptions.MaxDatagramSize, nameof(options.MessageSize));
                if (options.Pipeline != 1)
                {
                    throw new ArgumentOutOfRangeException(nameof(options), "UDP runs one datagram at a time a socket: Pipeline must be 1");
                }
                goto default;
            default:
                ArgumentException.ThrowIfNullOrEmpty(options.Host, nameof(options.Host));
                ArgumentOutOfRangeException.ThrowIfNegative(options.Port, nameof(options.Port));
                ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535, nameof(options.Port));
                break;
        }
    }

    // The first connection alone, so a server that is not there fails once with the connect's own facts; then the rest
    // side by side. A later connect that fails is counted and the run goes on with the connections it has.
    private static async Task<List<Connection>> ConnectAllAsync(LoadRun run, CancellationToken cancellationToken)
    {
        var options = run.Options;
        var first = await run.Target.ConnectAsync(cancellationToken).ConfigureAwait(false);
        var opened = new List<Connection>(options.Connections) { first };
        try
        {
            var rest = new Task<Connection>[options.Connections - 1];
            for (var i = 0; i < rest.Length; i++)
            {
                rest[i] = run.Target.ConnectAsync(cancellationToken).AsTask();
            }
            foreach (var task in rest)
            {
                try
                {
                    opened.Add(await task.ConfigureAwait(false));
                }
                catch (ConnectionException e)
                {
                    run.StartFailed(e);
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
        }
        catch
        {
            foreach (var connection in opened)
            {
                await connection.DisposeAsync().ConfigureAwait(false);
            }
            throw;
        }
        return opened;
    }

    // Each connection's message loop: on Linux, TCP and Unix connections all on one epoll thread (EpollLoadLoop, not
    // yet started); elsewhere, and for UDP, each one a task of its own.
    private static (List<LoadConnection> Connections, EpollLoadLoop? Loop) Loops(LoadRun run, List<Connection> opened)
    {
        EpollLoadLoop? loop;
        try
        {
            loop = run.Target.Direct ? new EpollLoadLoop(run) : null;
        }
        catch
        {
            opened.ForEach(c => c.Dispose());
            throw;
        }
        var connections = new List<LoadConnection>(opened.Count);
        for (var i = 0; i < opened.Count; i++)
        {
            connections.Add(loop is not null ? new EpollLoadConnection(run, i, opened[i], loop)
                : run.Options.Transport == Transport.Udp ? new DatagramLoadConnection(run, i, opened[i])
                : new StreamLoadConnection(run, i, opened[i]));
        }
        return (connections, loop);
    }

    // Every 100 ms: closes a stream connection whose echo is overdue (its loop then counts the error and reconnects), and
    // tells the progress callback the totals every ProgressInterval.
    private static async Task WatchAsync(LoadRun run, List<LoadConnection> connections, long started, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(s_watchInterval);
        var nextProgress = started + (long)(run.Options.ProgressInterval.TotalSeconds * Stopwatch.Frequency);
        var overdue = string.Create(CultureInfo.InvariantCulture, $"no echo within {run.Options.EchoTimeout.TotalSeconds:0.###} s");
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                var now = Stopwatch.GetTimestamp();
                if (run.Options.Transport != Transport.Udp)
                {
                    foreach (var connection in connections)
                    {
                        if (Volatile.Read(ref connection.InFlight) > 0 && now - Volatile.Read(ref connection.LastActivity) > run.EchoTimeoutTicks)
                        {
                            connection.Abort(overdue);
                        }
                    }
                }
                if (run.Options.Progress is { } progress && now >= nextProgress)
                {
                    nextProgress = now + (long)(run.Options.ProgressInterval.TotalSeconds * Stopwatch.Frequency);
                    progress.Report(Snapshot(run, connections, started));
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static LoadProgress Snapshot(LoadRun run, List<LoadConnection> connections, long started)
    {
        long roundTrips = 0, bytes = 0, errors = run.StartErrors, mismatches = 0;
        foreach (var connection in connections)
        {
            roundTrips += Volatile.Read(ref connection.RoundTrips);
            bytes += Volatile.Read(ref connection.Bytes);
            errors += Volatile.Read(ref connection.Errors);
            mismatches += Volatile.Read(ref connection.Mismatches);
        }
        return new LoadProgress(Stopwatch.GetElapsedTime(started), roundTrips, bytes, errors, mismatches);
    }
}
