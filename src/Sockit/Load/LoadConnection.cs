using System.Diagnostics;
using System.Net.Sockets;
using Sockit.Connections;

namespace Sockit.Load;

/// <summary>
/// One connection's message loop and its counters. The counters are written only by the loop (one logical thread) and
/// read by the progress timer; the latency histogram is the connection's own (or its thread's), merged when the run ends.
/// </summary>
internal abstract class LoadConnection(LoadRun run, int index, Connection connection, LatencyRecorder? latency = null)
{
    private volatile string? _abortReason;
    private Connection _connection = connection;

    protected LoadRun Run { get; } = run;

    /// <summary>The connection's number, from 0: its messages' body starts at a letter of its own.</summary>
    public int Index { get; } = index;

    protected Socket Socket => _connection.Socket;

    /// <summary>The connection's own histogram, or one it shares with the other connections of one thread (<see cref="EpollLoadLoop"/>).</summary>
    public LatencyRecorder Latency { get; } = latency ?? new();

    public long RoundTrips;
    public long Bytes;
    public long Errors;
    public long Mismatches;

    /// <summary>Messages sent whose echo is not complete yet.</summary>
    public long InFlight;

    /// <summary>When the loop last sent or received, in <see cref="Stopwatch"/> ticks.</summary>
    public long LastActivity = Stopwatch.GetTimestamp();

    public abstract Task RunAsync();

    /// <summary>Closes the connection from outside (the watchdog, or the end of the run); the loop's pending call then fails.</summary>
    public virtual void Abort(string? reason)
    {
        _abortReason = reason;
        _connection.Dispose();
    }

    /// <summary>Keeps <paramref name="reason"/> for the failure the loop counts next (see <see cref="Failed(Exception)"/>), without closing anything.</summary>
    protected void NoteAbortReason(string? reason) => _abortReason = reason;

    public void Close() => _connection.Dispose();

    /// <summary>Counts a failure of this connection, in the watchdog's words when it closed the connection, else the exception's.</summary>
    protected void Failed(Exception exception)
    {
        if (Run.Cancelled)
        {
            return;
        }
        Errors++;
        Run.NoteError(_abortReason ?? Describe(exception), exception);
        _abortReason = null;
    }

    /// <summary>Counts a failure that is not an exception (a UDP echo that never came).</summary>
    protected void Failed(string message)
    {
        Errors++;
        Run.NoteError(message, null);
    }

    /// <summary>After a failure: a new connection to the same server, unless the run is over; false when there is none.</summary>
    protected async ValueTask<bool> ReconnectAsync()
    {
        _connection.Dispose();
        if (Run.Budget.Stopped)
        {
            return false;
        }
        try
        {
            _connection = await Run.Target.ConnectAsync(CancellationToken.None).ConfigureAwait(false);
            LastActivity = Stopwatch.GetTimestamp();
            return !Run.Cancelled;
        }
        catch (ConnectionException e)
        {
            Failed(e);
            return false;
        }
    }

    /// <summary>Whether <paramref name="exception"/> is a connection breaking (counted, then reconnect) rather than a bug.</summary>
    protected static bool IsConnectionFailure(Exception exception) =>
        exception is SocketException or ObjectDisposedException or ConnectionException;

    private static string Describe(Exception exception) => exception switch
    {
        SocketException e => $"{e.Message} (errno {e.NativeErrorCode})",
        ObjectDisposedException => "the connection was closed",
        _ => exception.Message,
    };
}
