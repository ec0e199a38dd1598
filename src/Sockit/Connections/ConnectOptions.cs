using System.Net;
using System.Net.Sockets;
using Sockit.Tls;

namespace Sockit.Connections;

/// <summary>How <see cref="Connector"/> connects. The defaults: TCP, any address family, no timeout beyond the OS's.</summary>
public sealed record ConnectOptions
{
    /// <summary>TCP (the default) or UDP. For Unix domain sockets use <see cref="Connector.ConnectUnixAsync"/>.</summary>
    public Transport Transport { get; init; } = Transport.Tcp;

    /// <summary>
    /// <see cref="AddressFamily.InterNetwork"/> or <see cref="AddressFamily.InterNetworkV6"/> to use only that family
    /// (<c>-4</c>/<c>-6</c>); <see cref="AddressFamily.Unspecified"/> (the default) tries every address of the host in
    /// the resolver's order.
    /// </summary>
    public AddressFamily Family { get; init; } = AddressFamily.Unspecified;

    /// <summary>How long each address may take to accept the connection; null (the default) leaves it to the OS (about two minutes on Linux).</summary>
    public TimeSpan? ConnectTimeout { get; init; }

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
}
