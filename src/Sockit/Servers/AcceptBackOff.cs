namespace Sockit.Servers;

/// <summary>
/// How long a server stops accepting when it is out of file descriptors: 50 ms, doubling each time it is still out,
/// up to 1 s (<see cref="Server"/>'s accept loop and <see cref="EpollResponderLoop"/> both).
/// </summary>
internal static class AcceptBackOff
{
    private static readonly TimeSpan s_first = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan s_longest = TimeSpan.FromSeconds(1);

    /// <summary>The pause after <paramref name="current"/> (<see cref="TimeSpan.Zero"/>: not pausing yet).</summary>
    public static TimeSpan Next(TimeSpan current) =>
        current == TimeSpan.Zero ? s_first : TimeSpan.FromTicks(Math.Min(current.Ticks * 2, s_longest.Ticks));
}
