using System.Net;
using System.Net.Sockets;
using Sockit.Tls;

namespace Sockit.Connections;

/// <summary>
/// How <see cref="Connector"/> connects. The defaults: TCP, any address family, Happy Eyeballs with a 250 ms attempt
/// delay, no timeout beyond the OS's.
/// </summary>
public sealed record ConnectOptions
{
    /// <summary>The Connection Attempt Delay RFC 8305 recommends (section 8): 250 ms.</summary>
    public static readonly TimeSpan DefaultAttemptDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>TCP (the default) or UDP. For Unix domain sockets use <see cref="Connector.ConnectUnixAsync"/>.</summary>
    public Transport Transport { get; init; } = Transport.Tcp;

    /// <summary>
    /// <see cref="AddressFamily.InterNetwork"/> or <see cref="AddressFamily.InterNetworkV6"/> to use only that family
    /// (<c>-4</c>/<c>-6</c>); <see cref="AddressFamily.Unspecified"/> (the default) tries every address of the host.
    /// </summary>
    public AddressFamily Family { get; init; } = AddressFamily.Unspecified;

    /// <summary>
    /// How long the whole TCP connect may take, over every address tried (as curl's <c>--connect-timeout</c>): when it
    /// runs out, the attempts under way are cancelled, no further address is started, and the failure is
    /// <see cref="SockitFailure.TimedOut"/>. Null (the default) leaves each attempt to the OS (about two minutes on Linux).
    /// With <see cref="Tls"/>, the handshake after the connect has this long again.
    /// </summary>
    public TimeSpan? ConnectTimeout { get; init; }

    /// <summary>
    /// Happy Eyeballs (RFC 8305 sections 4 and 5) for TCP: the addresses are tried in the resolver's order with the
    /// families interleaved (the first address's family, then the other, and so on), and when an attempt has had no
    /// answer for this long, the next address starts too, without cancelling the ones under way; a failed attempt
    /// starts the next at once. The first to connect is kept; the others are cancelled and closed. Default
    /// <see cref="DefaultAttemptDelay"/> (250 ms); <see cref="TimeSpan.Zero"/> starts every address at once;
    /// <see cref="Timeout.InfiniteTimeSpan"/> tries one address at a time, each until it fails. UDP has no handshake
    /// and uses the first address that the OS accepts.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative, other than <see cref="Timeout.InfiniteTimeSpan"/>.</exception>
    public TimeSpan AttemptDelay
    {
        get;
        init => field = value >= TimeSpan.Zero || value == Timeout.InfiniteTimeSpan
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "the attempt delay is 0 or more, or Timeout.InfiniteTimeSpan");
    } = DefaultAttemptDelay;

    /// <summary>Told each step of the connect (resolving, each attempt and its outcome); default null: nobody is told.</summary>
    public IConnectProgress? Progress { get; init; }

    /// <summary>
    /// The local address to bind before connecting (netcat's source address); null (the default) lets the OS choose.
    /// An address of the other family than the one being tried fails that attempt, so the next address is tried.
    /// </summary>
    public IPAddress? LocalAddress { get; init; }

    /// <summary>
    /// The local port to bind before connecting (netcat's source port); 0 (the default) lets the OS choose. Without
    /// <see cref="LocalAddress"/> the wildcard address of the family being tried is bound. TCP binds with
    /// <c>SO_REUSEADDR</c>, so a port still in TIME_WAIT from the last run can be used again.
    /// </summary>
    public int LocalPort { get; init; }

    /// <summary>
    /// Speak TLS over the connection (TCP or Unix): once connected, handshake as a client, for the host connected to
    /// unless <see cref="TlsClientOptions.TargetHost"/> names another (for a Unix socket, <c>localhost</c>). The
    /// handshake is bounded by <see cref="ConnectTimeout"/> too. Default null: plain.
    /// </summary>
    public TlsClientOptions? Tls { get; init; }

    /// <summary>
    /// Python's <c>socket.create_connection</c>: the resolver's order, one address at a time, and
    /// <see cref="ConnectTimeout"/> bounding each attempt rather than the whole (<see cref="Py.CreateConnectionAsync"/>).
    /// </summary>
    internal bool OneAtATime { get; init; }

    /// <summary>
    /// Connect through this proxy (SOCKS5 or HTTP CONNECT): <see cref="Connector.ConnectAsync(string, int, ConnectOptions?, CancellationToken)"/>
    /// connects to the proxy, asks it for a tunnel to the host and port, and the connection is that tunnel (TLS on top
    /// when <see cref="Tls"/> is set). TCP only. The proxy's handshake is bounded by <see cref="ConnectTimeout"/>, or 30 s
    /// without one. Default null: connect directly.
    /// </summary>
    public Proxies.ProxyOptions? Proxy { get; init; }
}
