using Sockit.Tls;

namespace Sockit.Http;

/// <summary>Settings of an <see cref="HttpWireClient"/>.</summary>
public sealed class HttpWireClientOptions
{
    /// <summary>Bounds the whole exchange (resolve, connect, send, read to the end); null (the default) for no bound.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>The size of one receive, in bytes. Default 256 KiB.</summary>
    public int ReceiveBufferSize { get; init; } = 256 * 1024;

    /// <summary>The reader's limits. Default <see cref="HttpReaderLimits.Default"/>.</summary>
    public HttpReaderLimits Limits { get; init; } = HttpReaderLimits.Default;

    /// <summary>Addresses to use for given host and port without asking the resolver (curl's <c>--resolve</c>); the first match wins.</summary>
    public IReadOnlyList<HttpResolveOverride> Resolve { get; init; } = [];

    /// <summary>Where to connect instead for given host and port (curl's <c>--connect-to</c>); the first match wins, and <see cref="Resolve"/> then applies to its target.</summary>
    public IReadOnlyList<HttpConnectTo> ConnectTo { get; init; } = [];
    /// <summary>
    /// How https URLs handshake and what they trust; null (the default) for the system's trust store. The URL's host is
    /// sent as SNI and checked unless <see cref="TlsClientOptions.TargetHost"/> names another; ALPN offers
    /// <c>http/1.1</c> unless <see cref="TlsClientOptions.ApplicationProtocols"/> says otherwise.
    /// </summary>
    public TlsClientOptions? Tls { get; init; }

    /// <summary>
    /// Connect through this proxy (<see cref="Connections.ConnectOptions.Proxy"/>): a tunnel to the URL's host and port
    /// (or <see cref="ConnectTo"/>'s), for http and https alike, with the request in origin form as without a proxy.
    /// <see cref="Resolve"/> does not apply through a proxy. Default null: connect directly.
    /// </summary>
    public Proxies.ProxyOptions? Proxy { get; init; }
}
