using Sockit.Connections;

namespace Sockit.Exec;

/// <summary>What a finished <see cref="ProcessRelay"/> moved, and how its program ended.</summary>
/// <param name="Relay">Bytes sent (the program's output, to the peer) and received (from the peer, to the program's stdin), and whether the peer closed.</param>
/// <param name="ProcessId">The program's process id.</param>
/// <param name="ExitCode">The program's exit status; 128 + N when signal N ended it, as a shell says.</param>
public sealed record ProcessRelayResult(RelayResult Relay, int ProcessId, int ExitCode)
{
    /// <summary>Bytes from the peer that came after the program had closed its stdin or exited, and were dropped.</summary>
    public long BytesDiscarded { get; init; }
}
