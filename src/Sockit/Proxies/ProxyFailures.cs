using System.Globalization;

namespace Sockit.Proxies;

/// <summary>The one place a proxy's answer becomes a <see cref="ProxyException"/>: its kind and its one-line message.</summary>
internal static class ProxyFailures
{
    /// <summary>The proxy answered with bytes that are not its protocol.</summary>
    public static ProxyException Garbage(ProxyOptions proxy, ProxyStep step, string target, int port, string why, Exception? inner = null) =>
        new(SockitFailure.Protocol, $"proxy {proxy} did not answer as {Protocol(proxy)} proxy: {why}", inner)
        {
            Proxy = proxy, Step = step, TargetHost = target, TargetPort = port,
        };

    /// <summary>The proxy closed the connection before its reply was complete.</summary>
    public static ProxyException ClosedEarly(ProxyOptions proxy, ProxyStep step, string target, int port, int received) =>
        new(SockitFailure.Protocol, string.Create(CultureInfo.InvariantCulture,
            $"proxy {proxy} closed the connection {(received == 0 ? "without a reply" : $"after {received} bytes of its reply")} (while asked for {Authority(target, port)})"))
        {
            Proxy = proxy, Step = step, TargetHost = target, TargetPort = port,
        };

    /// <summary>SOCKS5: no method acceptable (0xFF), or RFC 1929 refused the password.</summary>
    public static ProxyException Unauthorized(ProxyOptions proxy, ProxyStep step, string target, int port, int code, string why) =>
        new(SockitFailure.Unauthorized, $"proxy {proxy} {why}")
        {
            Proxy = proxy, Step = step, TargetHost = target, TargetPort = port, ReplyCode = code,
        };

    /// <summary>SOCKS5's CONNECT reply field other than 0 (RFC 1928 section 6).</summary>
    public static ProxyException SocksReply(ProxyOptions proxy, string target, int port, byte reply)
    {
        var kind = reply switch
        {
            3 or 4 => SockitFailure.Unreachable,
            // RFC 1928 says TTL; servers (microsocks, Dante) send it when their connect timed out.
            6 => SockitFailure.TimedOut,
            _ => SockitFailure.Refused,
        };
        var verb = reply is 2 or 7 or 8 ? "refused to connect to" : "could not connect to";
        return new ProxyException(kind, string.Create(CultureInfo.InvariantCulture,
            $"proxy {proxy} {verb} {Authority(target, port)}: {Socks5Wire.Describe(reply)} (SOCKS5 reply {reply})"))
        {
            Proxy = proxy, Step = ProxyStep.Request, TargetHost = target, TargetPort = port, ReplyCode = reply,
        };
    }

    /// <summary>An HTTP proxy answered CONNECT with a status other than 2xx.</summary>
    public static ProxyException HttpStatus(ProxyOptions proxy, string target, int port, Http.HttpStatusLine status)
    {
        var (kind, step, what) = status.StatusCode switch
        {
            407 when proxy.UserName is null => (SockitFailure.Unauthorized, ProxyStep.Authenticate, "wants a username and password"),
            407 => (SockitFailure.Unauthorized, ProxyStep.Authenticate, $"refused the username and password of '{proxy.UserName}'"),
            504 => (SockitFailure.TimedOut, ProxyStep.Request, $"timed out connecting to {Authority(target, port)}"),
            >= 500 => (SockitFailure.Refused, ProxyStep.Request, $"could not connect to {Authority(target, port)}"),
            _ => (SockitFailure.Refused, ProxyStep.Request, $"refused to connect to {Authority(target, port)}"),
        };
        return new ProxyException(kind, $"proxy {proxy} {what}: {status.StatusCode} {status.ReasonPhrase}".TrimEnd())
        {
            Proxy = proxy, Step = step, TargetHost = target, TargetPort = port, ReplyCode = status.StatusCode,
        };
    }

    /// <summary>host:port as sent to a proxy, an IPv6 literal in brackets.</summary>
    public static string Authority(string host, int port) =>
        host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[')
            ? string.Create(CultureInfo.InvariantCulture, $"[{host}]:{port}")
            : string.Create(CultureInfo.InvariantCulture, $"{host}:{port}");

    private static string Protocol(ProxyOptions proxy) => proxy.Kind == ProxyKind.HttpConnect ? "an HTTP" : "a SOCKS5";
}
