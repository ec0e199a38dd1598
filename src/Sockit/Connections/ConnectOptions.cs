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
    /// Speak TLS over the connection (TCP or Unix): once connected, handshake as a client, for the host connected to
    /// unless <see cref="TlsClientOptions.TargetHost"/> names another (for a Unix socket, <c>localhost</c>). The
    /// handshake is bounded by <see cref="ConnectTimeout"/> too. Default null: plain.
    /// </summary>
    public TlsClientOptions? Tls { get; init; }

    /// <summary>
    /// Connect through this proxy (SOCKS5 or HTTP CONNECT): <see cref="Connector.ConnectAsync(string, int, ConnectOptions?, CancellationToken)"/>
    /// connects to the proxy, asks it for a tunnel to the host and port, and the connection is that tunnel (TLS on top
    /// when <see cref="Tls"/> is set). TCP only. The proxy's handshake is bounded by <see cref="ConnectTimeout"/>, or 30 s
    /// without one. Default null: connect directly.
    /// </summary>
    public Proxies.ProxyOptions? Proxy { get; init; }
}
