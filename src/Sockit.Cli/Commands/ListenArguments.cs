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
    OutputFormat Format,
    int Verbosity = 0)
{
    /// <summary>netcat without -k: one client, relayed with stdin and stdout, and nobody answers by itself.</summary>
    public bool RelaysOne => !KeepOpen && !Udp && !Echo && Reply is null;

    /// <summary>
    /// A line for each client coming and going: asked for with -v, and netcat's default without --echo/--reply (where
    /// the data is the output and the lines say whose it is); an echo or reply server is quiet about its clients.
    /// </summary>
    public bool ConnectionLines => Verbosity >= 1 || Mode is null;

    /// <summary>-vv: the bytes each way on each client's "closed" line.</summary>
    public bool TrafficSummary => Verbosity >= 2;

    /// <summary>echo or reply when the server answers by itself.</summary>
    public string? Mode => Echo ? "echo" : Reply is not null ? "reply" : null;

    /// <summary>--exec or --sh-exec: the program each client is relayed with; null when not given.</summary>
    public Sockit.Exec.ExecCommand? Exec { get; init; }
    /// <summary>-C, --send-only, --recv-only.</summary>
    public Arguments.NetcatFlagValues Netcat { get; init; } = Arguments.NetcatFlagValues.None;
}
