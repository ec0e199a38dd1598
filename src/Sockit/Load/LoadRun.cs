namespace Sockit.Load;

/// <summary>What the connections of one run share: the options, the budget of messages, the target, and the first failure.</summary>
internal sealed class LoadRun(LoadOptions options, LoadTarget target)
{
    private string? _firstError;
    private Exception? _firstException;
    private volatile bool _cancelled;
    private long _startErrors;

    public LoadOptions Options { get; } = options;

    public LoadTarget Target { get; } = target;

    public LoadBudget Budget { get; } = new(options.Requests);

    /// <summary>The echo timeout in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public long EchoTimeoutTicks { get; } = (long)(options.EchoTimeout.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);

    /// <summary>True once the caller cancelled: connections stop without counting what their closing breaks.</summary>
    public bool Cancelled => _cancelled;

    public string? FirstError => Volatile.Read(ref _firstError);

    public Exception? FirstException => Volatile.Read(ref _firstException);

    /// <summary>Connects that failed while the connections were opened (the first one's failure is thrown instead).</summary>
    public long StartErrors => Volatile.Read(ref _startErrors);

    public void StartFailed(Exception exception)
    {
        Interlocked.Increment(ref _startErrors);
        NoteError(exception.Message, exception);
    }

    public void Cancel()
    {
        _cancelled = true;
        Budget.Stop();
    }

    /// <summary>Keeps the first failure's words (and exception) for the result; later ones are only counted.</summary>
    public void NoteError(string message, Exception? exception)
    {
        if (Interlocked.CompareExchange(ref _firstError, message, null) is null)
        {
            Volatile.Write(ref _firstException, exception);
        }
    }
}
