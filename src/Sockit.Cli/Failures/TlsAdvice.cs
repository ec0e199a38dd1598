using Sockit.Tls;

namespace Sockit.Cli.Failures;

/// <summary>What to try when a TLS handshake fails, by the verdict or the protocol failure, in the command's own flags (part of <see cref="FailureAdvice"/>).</summary>
internal static class TlsAdvice
{
    public static string? For(TlsException e, FailureContext context)
    {
        var insecure = context.Command is "get" or "connect" or "forward" ? "; --insecure to go on without the check" : "";
        if (e.Failure == SockitFailure.Untrusted)
        {
            return e.Verdict switch
            {
                TlsVerdict.Expired => $"the server's certificate needs renewing{insecure}",
                TlsVerdict.NotYetValid => $"check this machine's clock, or the certificate's dates{insecure}",
                TlsVerdict.NameMismatch => $"check the host name: 'sockit tls HOST:PORT' lists the names the certificate holds{insecure}",
                TlsVerdict.UnknownIssuer => $"give the issuing CA's certificate with --cacert FILE{insecure}",
                TlsVerdict.SelfSigned => $"trust it with --cacert FILE holding the certificate itself ('sockit tls HOST:PORT --pem' writes it){insecure}",
                _ => $"'sockit tls HOST:PORT' shows the chain{insecure}",
            };
        }
        if (e.PeerSpokeHttp)
        {
            return context.Command == "get" ? "use an http:// URL for this port, or the server's https port" : "drop --tls for this port, or use the server's TLS port";
        }
        return context.Command == "listen"
            ? "the client may not speak TLS, or allow none of this server's versions"
            : "check that the port speaks TLS, and which versions it allows (--tls-min)";
    }
}
