using Sockit.Servers;
using Sockit.Tls;

namespace Sockit.Forwarding;

/// <summary>What a <see cref="Forwarder"/> listens on, where it connects each client, and its limits.</summary>
public sealed record ForwardOptions
{
    /// <summary>
    /// Where to listen (TCP, UDP or Unix; loopback by default). With <see cref="ListenerOptions.Tls"/> each client
    /// handshakes first and the forwarder terminates TLS. The listener's transport must match the target's for UDP.
    /// </summary>
    public required ListenerOptions Listen { get; init; }

    /// <summary>Where each client is connected.</summary>
    public required ForwardTarget Target { get; init; }

    /// <summary>Speak TLS to the target (originate TLS), verifying it with these options; null (the default): plain.</summary>
    public TlsClientOptions? TargetTls { get; init; }

    /// <summary>How long connecting to the target (and its TLS handshake) may take; null (the default) leaves it to the OS.</summary>
    public TimeSpan? ConnectTimeout { get; init; }

    /// <summary>How long a TLS client may take to handshake before it is closed. Default 10 s.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Serve at most this many clients at once; more are closed at once (UDP: their datagrams dropped). Default null: no limit.</summary>
    public int? MaxClients { get; init; }

    /// <summary>UDP: forget a client (close its socket to the target) after this long without a datagram either way. Default 60 s.</summary>
    public TimeSpan UdpIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Called at each client's connect and close, and on failures, from the clients' own tasks (several at once); it
    /// must be quick and must not throw. Default null.
    /// </summary>
    public Action<ForwardEvent>? Events { get; init; }
}
