using System.Globalization;
using Sockit.Connections;

namespace Sockit.Forwarding;

/// <summary>
/// Where a <see cref="Forwarder"/> connects each client: a host and port over TCP or UDP, or a Unix domain stream
/// socket. The host is resolved for each client (through <see cref="Connector"/>), so a name that moves is followed.
/// </summary>
public sealed class ForwardTarget
{
    private ForwardTarget(Transport transport, string? host, int port, string? unixPath)
    {
        Transport = transport;
        Host = host;
        Port = port;
        UnixPath = unixPath;
    }

    /// <summary>TCP, UDP or Unix.</summary>
    public Transport Transport { get; }

    /// <summary>The host name or address (TCP, UDP); null for a Unix socket.</summary>
    public string? Host { get; }

    /// <summary>The port (TCP, UDP); 0 for a Unix socket.</summary>
    public int Port { get; }

    /// <summary>The socket's path (Unix); null otherwise.</summary>
    public string? UnixPath { get; }

    /// <summary>The target as people write it: <c>localhost:8080</c>, <c>[::1]:8080</c>, or the socket's path.</summary>
    public string Name => UnixPath ?? (Host!.Contains(':', StringComparison.Ordinal) && !Host.StartsWith('[')
        ? string.Create(CultureInfo.InvariantCulture, $"[{Host}]:{Port}")
        : string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}"));

    /// <summary>A TCP target: <paramref name="host"/> (a name or a literal address) on <paramref name="port"/>.</summary>
    public static ForwardTarget Tcp(string host, int port) => Ip(Transport.Tcp, host, port);

    /// <summary>A UDP target: each client gets its own connected UDP socket to <paramref name="host"/> on <paramref name="port"/>.</summary>
    public static ForwardTarget Udp(string host, int port) => Ip(Transport.Udp, host, port);

    /// <summary>A Unix domain stream socket at <paramref name="path"/>.</summary>
    public static ForwardTarget Unix(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new ForwardTarget(Transport.Unix, null, 0, path);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static ForwardTarget Ip(Transport transport, string host, int port)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        return new ForwardTarget(transport, host, port, null);
    }
}
