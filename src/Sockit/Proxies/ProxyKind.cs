namespace Sockit.Proxies;

/// <summary>Which protocol a proxy speaks (<see cref="ProxyOptions.Kind"/>), and who resolves the target's name.</summary>
public enum ProxyKind
{
    /// <summary>SOCKS5 (RFC 1928), the target's name resolved here and its address sent (curl's <c>socks5://</c>).</summary>
    Socks5,
    /// <summary>SOCKS5 with the target's name sent to the proxy, which resolves it (curl's <c>socks5h://</c>).</summary>
    Socks5Hostname,
    /// <summary>An HTTP proxy asked for a tunnel with <c>CONNECT host:port</c> (RFC 9110 section 9.3.6).</summary>
    HttpConnect,
}
