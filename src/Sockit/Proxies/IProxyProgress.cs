namespace Sockit.Proxies;

/// <summary>
/// The proxy steps of a connect, for a progress object given to <see cref="Connections.Connector"/> that also
/// implements this (a trace such as <c>get -v</c>'s): the connect to the proxy itself is reported as any connect.
/// </summary>
internal interface IProxyProgress
{
    /// <summary>Connected to <paramref name="proxy"/>; asking it for a tunnel to <paramref name="target"/> (<c>host:port</c>, as sent).</summary>
    void OnProxyHandshake(ProxyOptions proxy, string target);

    /// <summary>The proxy connected to the target; <paramref name="bound"/> is the address it says it connected from (SOCKS5), or its status line (HTTP).</summary>
    void OnProxyTunnel(ProxyOptions proxy, string target, string bound);
}
