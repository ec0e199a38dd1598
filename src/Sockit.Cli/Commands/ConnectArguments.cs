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

    /// <summary>-q, -C, --send-only, --recv-only, -s, -p.</summary>
    public Arguments.NetcatFlagValues Netcat { get; init; } = Arguments.NetcatFlagValues.None;
}
