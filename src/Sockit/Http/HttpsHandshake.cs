using System.Globalization;
using Sockit.Connections;
using Sockit.Tls;

namespace Sockit.Http;

/// <summary>The TLS step of an https exchange: handshake for the URL's host, offering ALPN http/1.1, and trace what was settled.</summary>
internal static class HttpsHandshake
{
    private static readonly string[] s_http11 = ["http/1.1"];

    public static async Task<TlsSession> RunAsync(Connection connection, Uri url, TlsClientOptions? options, HttpWireObserver observer, CancellationToken cancellationToken)
    {
        options ??= new TlsClientOptions();
        if (options.ApplicationProtocols.Count == 0)
        {
            options = options with { ApplicationProtocols = s_http11 };
        }
        var target = options.TargetHost ?? url.IdnHost;
        observer.OnTrace($"TLS handshake with {target}");
        try
        {
            var session = await connection.StartTlsAsync(url.IdnHost, options, cancellationToken).ConfigureAwait(false);
            Trace(observer, session);
            return session;
        }
        catch (TlsException e) when (e.Session is not null)
        {
            Trace(observer, e.Session);
            throw;
        }
    }

    private static void Trace(HttpWireObserver observer, TlsSession session)
    {
        if (session.Protocol != System.Security.Authentication.SslProtocols.None)
        {
            observer.OnTrace($"TLS: {session.ProtocolName}, cipher {session.CipherSuite}, ALPN {session.ApplicationProtocol ?? "none"}");
        }
        if (session.Chain.Count > 0)
        {
            var leaf = session.Chain[0];
            observer.OnTrace($"server certificate: subject {leaf.Subject}");
            observer.OnTrace($"  issuer {leaf.Issuer}");
            observer.OnTrace($"  valid {Date(leaf.NotBefore)} to {Date(leaf.NotAfter)}");
            var names = leaf.DnsNames.Select(n => "DNS:" + n).Concat(leaf.IPAddresses.Select(a => "IP:" + a)).ToList();
            observer.OnTrace($"  names {(names.Count == 0 ? "(none)" : string.Join(", ", names))}");
        }
        observer.OnTrace(session.Verdict == TlsVerdict.Trusted
            ? $"certificate verified for {session.TargetHost}"
            : $"certificate NOT trusted: {session.VerdictReason}{(session.Protocol != System.Security.Authentication.SslProtocols.None ? " (going on without verification, as asked)" : "")}");
    }

    private static string Date(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
