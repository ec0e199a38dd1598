using Sockit.Tls;

namespace Sockit.Cli.Commands;

/// <summary>What <c>sockit forward</c> was asked to do, checked: where to listen, where to connect, TLS either side, limits.</summary>
internal sealed record ForwardArguments(
    ForwardAddress Listen,
    ForwardAddress Target,
    bool TlsListen,
    TlsClientOptions? TargetTls,
    int? MaxClients,
    TimeSpan? UdpIdleTimeout,
    TimeSpan? ConnectTimeout,
    bool Verbose,
    OutputFormat Format);
