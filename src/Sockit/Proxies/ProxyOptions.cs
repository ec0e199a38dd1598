using System.Globalization;

namespace Sockit.Proxies;

/// <summary>
/// A proxy to connect through (<see cref="Connections.ConnectOptions.Proxy"/>): its kind, where it listens, and the
/// username and password to give it, if any. <see cref="TryParse"/> reads curl's URL spelling:
/// <c>socks5://[user:pass@]host:port</c>, <c>socks5h://...</c> and <c>http://[user:pass@]host:port</c>.
/// </summary>
public sealed record ProxyOptions
{
    /// <summary>Creates the options for a proxy of <paramref name="kind"/> at <paramref name="host"/> (a name or literal address) and <paramref name="port"/>.</summary>
    public ProxyOptions(ProxyKind kind, string host, int port)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        Kind = kind;
        Host = host;
        Port = port;
    }

    /// <summary>The protocol the proxy speaks.</summary>
    public ProxyKind Kind { get; }

    /// <summary>The proxy's host, a name or a literal address (IPv6 without brackets).</summary>
    public string Host { get; }

    /// <summary>The proxy's port.</summary>
    public int Port { get; }

    /// <summary>The username to authenticate with; null for none (then <see cref="Password"/> is ignored).</summary>
    public string? UserName { get; init; }

    /// <summary>The password that goes with <see cref="UserName"/>.</summary>
    public string? Password { get; init; }

    /// <summary>The URL scheme of <see cref="Kind"/>: <c>socks5</c>, <c>socks5h</c> or <c>http</c>.</summary>
    public string Scheme => Kind switch
    {
        ProxyKind.Socks5 => "socks5",
        ProxyKind.Socks5Hostname => "socks5h",
        _ => "http",
    };

    /// <summary>The proxy as people write it, without the password: <c>socks5://user@127.0.0.1:1080</c>.</summary>
    public override string ToString()
    {
        var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
        var user = UserName is null ? "" : Uri.EscapeDataString(UserName) + "@";
        return string.Create(CultureInfo.InvariantCulture, $"{Scheme}://{user}{host}:{Port}");
    }

    /// <summary>
    /// Reads a proxy URL: <c>socks5://</c>, <c>socks5h://</c> or <c>http://</c>, an optional <c>user:password@</c>
    /// (percent-encoded as in any URL), a host and a port (required: there is no default port to guess), and nothing
    /// after them but an optional <c>/</c>. False with <paramref name="error"/> saying what is wrong otherwise.
    /// </summary>
    public static bool TryParse(string text, out ProxyOptions? proxy, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        proxy = null;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
        {
            error = "no scheme: a proxy URL starts with socks5://, socks5h:// or http://";
            return false;
        }
        var scheme = text[..schemeEnd].ToLowerInvariant();
        ProxyKind kind;
        switch (scheme)
        {
            case "socks5": kind = ProxyKind.Socks5; break;
            case "socks5h": kind = ProxyKind.Socks5Hostname; break;
            case "http": kind = ProxyKind.HttpConnect; break;
            default:
                error = $"scheme '{scheme}' is not a proxy scheme: give socks5://, socks5h:// or http://";
                return false;
        }
        var rest = text[(schemeEnd + 3)..];
        if (rest.EndsWith('/'))
        {
            rest = rest[..^1];
        }
        if (rest.IndexOfAny(['/', '?', '#']) >= 0)
        {
            error = "a proxy URL has no path, query or fragment: give scheme://host:port";
            return false;
        }
        string? user = null, password = null;
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? userInfo : userInfo[..colon]);
            password = colon < 0 ? "" : Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            if (user.Length == 0)
            {
                error = "the username before '@' is empty";
                return false;
            }
        }
        if (!SplitHostPort(rest, out var host, out var portText))
        {
            error = "give a host and a port: scheme://host:port (a proxy has no default port)";
            return false;
        }
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            error = $"port '{portText}' is not a port number: 1-65535";
            return false;
        }
        if (kind != ProxyKind.HttpConnect && user is not null && (System.Text.Encoding.UTF8.GetByteCount(user) > 255 || System.Text.Encoding.UTF8.GetByteCount(password!) > 255))
        {
            error = "a SOCKS5 username and password are at most 255 bytes each (RFC 1929)";
            return false;
        }
        proxy = new ProxyOptions(kind, host, port) { UserName = user, Password = password };
        error = null;
        return true;
    }

    // host:port, [v6]:port; the host may not be empty, and a bare IPv6 address needs its brackets.
    private static bool SplitHostPort(string authority, out string host, out string port)
    {
        host = port = "";
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || close + 1 >= authority.Length || authority[close + 1] != ':')
            {
                return false;
            }
            host = authority[1..close];
            port = authority[(close + 2)..];
            return host.Length > 0 && port.Length > 0;
        }
        var colon = authority.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || authority.IndexOf(':', colon + 1) >= 0)
        {
            return false;
        }
        host = authority[..colon];
        port = authority[(colon + 1)..];
        return port.Length > 0;
    }
}
