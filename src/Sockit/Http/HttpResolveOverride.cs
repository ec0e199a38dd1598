using System.Net;

namespace Sockit.Http;

/// <summary>
/// Requests for <see cref="Host"/> on <see cref="Port"/> connect to <see cref="Addresses"/> without asking the resolver
/// (curl's <c>--resolve HOST:PORT:ADDR</c>). The request's Host field still names the URL's host.
/// </summary>
public sealed class HttpResolveOverride
{
    /// <summary>Creates the override; <paramref name="addresses"/> are tried in order.</summary>
    public HttpResolveOverride(string host, int port, IReadOnlyList<IPAddress> addresses)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        ArgumentNullException.ThrowIfNull(addresses);
        if (addresses.Count == 0)
        {
            throw new ArgumentException("give at least one address", nameof(addresses));
        }
        Host = host;
        Port = port;
        Addresses = addresses;
    }

    /// <summary>The host name as the URL has it (compared without regard to case).</summary>
    public string Host { get; }

    /// <summary>The port the override applies to.</summary>
    public int Port { get; }

    /// <summary>The addresses to connect to, in order.</summary>
    public IReadOnlyList<IPAddress> Addresses { get; }

    /// <summary>Whether the override applies to <paramref name="host"/> on <paramref name="port"/>.</summary>
    public bool Matches(string host, int port) => port == Port && string.Equals(Host.Trim('[', ']'), host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase);
}
