using System.Threading.Channels;

namespace Sockit.Servers;

/// <summary>
/// Carries <see cref="ServerEvent"/>s from <see cref="EpollResponderLoop"/>'s thread to <see cref="ServerOptions.Events"/>,
/// in order, on a task of their own: a callback that waits, or runs its caller's continuation inline (a
/// TaskCompletionSource set from it), never holds up the data path.
/// </summary>
internal sealed class ServerEventQueue
{
    private readonly Channel<ServerEvent> _channel = Channel.CreateUnbounded<ServerEvent>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public ServerEventQueue(Action<ServerEvent> events) => Told = TellAsync(events);

    /// <summary>Ends once <see cref="Complete"/> was called and every event has been told; faults when the callback threw.</summary>
    public Task Told { get; }

    /// <summary>Queues <paramref name="e"/>; never waits.</summary>
    public void Report(ServerEvent e) => _channel.Writer.TryWrite(e);

    /// <summary>No more events: <see cref="Told"/> ends once the queued ones are told.</summary>
    public void Complete() => _channel.Writer.TryComplete();

    private async Task TellAsync(Action<ServerEvent> events)
    {
        await foreach (var e in _channel.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            events(e);
        }
    }
}
