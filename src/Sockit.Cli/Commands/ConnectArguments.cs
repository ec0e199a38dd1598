using System.Net.Sockets;

namespace Sockit.Cli.Commands;

/// <summary>What <c>sockit connect</c> was asked to do, checked: exactly one of a host and port (or a port range with <c>-z</c>) and a Unix socket path.</summary>
internal sealed record ConnectArguments(
    string? Host,
    string? Port,
    string? UnixPath,
    bool Udp,
    AddressFamily Family,
    string? Send,
    bool Hex,
    TimeSpan? ConnectTimeout,
    TimeSpan? IdleTimeout,
    bool NoShutdown,
    bool Scan,
    OutputFormat Format)
{
    public string Protocol => Udp ? "udp" : "tcp";

    /// <summary>--tls: how to handshake and what to trust; null for a plain connection.</summary>
    public Sockit.Tls.TlsClientOptions? Tls { get; init; }

    /// <summary>--exec or --sh-exec: the program relayed with the connection instead of stdin and stdout; null when not given.</summary>
    public Sockit.Exec.ExecCommand? Exec { get; init; }
    /// <summary>How many times -v was given: 1 traces the connect, 2 adds the byte counts.</summary>
    public int Verbosity { get; init; }
    /// <summary>--proxy: the proxy to tunnel through; null to connect directly.</summary>
    public Sockit.Proxies.ProxyOptions? Proxy { get; init; }
    /// <summary>-q, -C, --send-only, --recv-only, -s, -p.</summary>
    public Arguments.NetcatFlagValues Netcat { get; init; } = Arguments.NetcatFlagValues.None;
}
