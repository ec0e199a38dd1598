namespace Sockit.Cli.Commands;

/// <summary>What <c>sockit listen</c> was asked to do, checked: a port (with an optional bind address) or a Unix socket path.</summary>
internal sealed record ListenArguments(
    string? Port,
    string? Bind,
    string? UnixPath,
    bool Udp,
    bool KeepOpen,
    bool Echo,
    string? Reply,
    int? MaxClients,
    TimeSpan? IdleTimeout,
    bool Hex,
    OutputFormat Format)
{
    /// <summary>netcat without -k: one client, relayed with stdin and stdout, and nobody answers by itself.</summary>
    public bool RelaysOne => !KeepOpen && !Udp && !Echo && Reply is null;

    /// <summary>echo or reply when the server answers by itself.</summary>
    public string? Mode => Echo ? "echo" : Reply is not null ? "reply" : null;

    /// <summary>-C, --send-only, --recv-only.</summary>
    public Arguments.NetcatFlagValues Netcat { get; init; } = Arguments.NetcatFlagValues.None;
}
