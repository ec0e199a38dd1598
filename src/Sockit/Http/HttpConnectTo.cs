namespace Sockit.Http;

/// <summary>
/// Requests for <see cref="Host"/> on <see cref="Port"/> connect to <see cref="ToHost"/> on <see cref="ToPort"/>
/// instead (curl's <c>--connect-to HOST:PORT:HOST2:PORT2</c>); the request itself, its Host field included, is unchanged.
/// A null <see cref="Host"/> or <see cref="Port"/> matches any; a null <see cref="ToHost"/> or <see cref="ToPort"/> keeps the URL's.
/// </summary>
public sealed class HttpConnectTo
{
    /// <summary>Creates the redirection of connections.</summary>
    public HttpConnectTo(string? host, int? port, string? toHost, int? toPort)
    {
        if (port is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(port), port, "a port is 0-65535");
        }
        if (toPort is < 0 or > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(toPort), toPort, "a port is 0-65535");
        }
        Host = string.IsNullOrEmpty(host) ? null : host;
        Port = port;
        ToHost = string.IsNullOrEmpty(toHost) ? null : toHost;
        ToPort = toPort;
    }

    /// <summary>The URL's host this applies to, or null for any host.</summary>
    public string? Host { get; }

    /// <summary>The URL's port this applies to, or null for any port.</summary>
    public int? Port { get; }

    /// <summary>The host to connect to instead, or null to keep the URL's.</summary>
    public string? ToHost { get; }

    /// <summary>The port to connect to instead, or null to keep the URL's.</summary>
    public int? ToPort { get; }

    /// <summary>Whether this applies to <paramref name="host"/> on <paramref name="port"/>.</summary>
    public bool Matches(string host, int port) =>
        (Port is null || Port == port) && (Host is null || string.Equals(Host.Trim('[', ']'), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase));
}
