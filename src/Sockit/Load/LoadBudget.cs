namespace Sockit.Load;

/// <summary>
/// How many more messages the connections may send: all they want until <see cref="Stop"/> (a duration run), or a
/// shared count that runs out (a request-count run). Connections claim messages before sending them.
/// </summary>
internal sealed class LoadBudget
{
    private long _remaining;
    private readonly bool _counted;
    private volatile bool _stopped;

    public LoadBudget(long? requests)
    {
        _counted = requests is not null;
        _remaining = requests ?? 0;
    }

    /// <summary>True once no more messages may be sent: the duration ran out, the count was used up, or the run was cancelled.</summary>
    public bool Stopped => _stopped || (_counted && Volatile.Read(ref _remaining) <= 0);

    /// <summary>No more messages from now on; the ones in flight still finish.</summary>
    public void Stop() => _stopped = true;

    /// <summary>Claims up to <paramref name="wanted"/> messages; returns how many may be sent (0 when the run is over).</summary>
    public int Claim(int wanted)
    {
        if (_stopped)
        {
            return 0;
        }
        if (!_counted)
        {
            return wanted;
        }
        while (true)
        {
            var remaining = Volatile.Read(ref _remaining);
            if (remaining <= 0)
            {
                return 0;
            }
            var granted = (int)Math.Min(wanted, remaining);
            if (Interlocked.CompareExchange(ref _remaining, remaining - granted, remaining) == remaining)
            {
                return granted;
            }
        }
    }
}
