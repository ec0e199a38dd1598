namespace Sockit.Proxies;

/// <summary>Which step of going through a proxy failed (<see cref="ProxyException.Step"/>).</summary>
public enum ProxyStep
{
    /// <summary>Connecting to the proxy itself.</summary>
    Connect,
    /// <summary>Agreeing on how to authenticate (SOCKS5's method selection).</summary>
    Greeting,
    /// <summary>Authenticating with a username and password (RFC 1929, or HTTP's Proxy-Authorization).</summary>
    Authenticate,
    /// <summary>Asking the proxy to connect to the target, and reading its reply.</summary>
    Request,
}
