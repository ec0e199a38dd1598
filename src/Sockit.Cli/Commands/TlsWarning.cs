using Sockit.Tls;

namespace Sockit.Cli.Commands;

/// <summary>The one line on stderr when --insecure let an untrusted certificate through: the user asked for it, but should still see why.</summary>
internal static class TlsWarning
{
    public static void IfUntrusted(CliConsole console, TlsSession? session)
    {
        if (session is { Verdict: { } verdict } && verdict != TlsVerdict.Trusted)
        {
            console.Error.WriteLine($"sockit: warning: the TLS certificate of {session.TargetHost} is not trusted: {session.VerdictReason} (going on, as --insecure asks)");
        }
    }
}
