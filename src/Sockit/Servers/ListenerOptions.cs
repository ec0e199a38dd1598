using System.Net;
using Sockit.Connections;
using Sockit.Tls;

namespace Sockit.Servers;

/// <summary>Where and how a <see cref="Listener"/> binds. The defaults: TCP on 127.0.0.1 (loopback only), port 0 (a free port).</summary>
public sealed record ListenerOptions
{
    /// <summary>TCP (the default), UDP, or a Unix domain stream socket at <see cref="UnixPath"/>.</summary>
    public Transport Transport { get; init; } = Transport.Tcp;

    /// <summary>The address to bind; default <see cref="IPAddress.Loopback"/>, so nothing off this machine can connect.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>The port; default 0, which lets the OS pick a free one (read it back from <see cref="Listener.Port"/>).</summary>
    public int Port { get; init; }

    /// <summary>The path of the Unix domain socket, required for <see cref="Transport.Unix"/>; default null.</summary>
    public string? UnixPath { get; init; }

    /// <summary>
    /// The <c>listen()</c> backlog: connections the OS queues before they are accepted. Default <see cref="MaxBacklog"/>,
    /// the OS maximum (SOMAXCONN), so a burst of thousands of clients is queued rather than refused or retried.
    /// </summary>
    public int Backlog { get; init; } = MaxBacklog;

    /// <summary>
    /// Asks <c>listen()</c> for the most the OS allows: Linux and the BSDs cut a larger backlog down to their limit
    /// (<c>/proc/sys/net/core/somaxconn</c> on Linux, 4096 by default), and Windows reads this value (SOMAXCONN) as
    /// "the maximum".
    /// </summary>
    public const int MaxBacklog = (int)System.Net.Sockets.SocketOptionName.MaxConnections;

    /// <summary>Serve TLS with these options (TCP and Unix): each accepted connection handshakes before any byte is relayed. Default null: plain.</summary>
    public TlsServerOptions? Tls { get; init; }

    /// <summary>Creates the options for a TCP listener on <paramref name="address"/>:<paramref name="port"/>.</summary>
    public static ListenerOptions Tcp(IPAddress address, int port = 0) => new() { Address = address, Port = port };
}
