using Sockit.Connections;

namespace Sockit.Exec;

/// <summary>How a <see cref="ProcessRelay"/> runs. The defaults: the relay's, and 2 seconds for the peer to close after the program is done.</summary>
public sealed record ProcessRelayOptions
{
    /// <summary>
    /// The copying between the connection and the program (idle timeout, buffer size, observer). Its
    /// <see cref="RelayOptions.CloseOutputWhenPeerCloses"/> is always on here: the peer's end-of-file closes the
    /// program's stdin. Default: <see cref="RelayOptions"/>' defaults.
    /// </summary>
    public RelayOptions Relay { get; init; } = new();

    /// <summary>
    /// Once the program has closed its stdout, the connection's sending side is shut down after the last byte and the
    /// peer's remaining bytes are read and dropped until it closes too, for at most this long; then the connection is
    /// closed anyway. Default 2 seconds.
    /// </summary>
    public TimeSpan PeerCloseWait { get; init; } = TimeSpan.FromSeconds(2);
}
