using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Sockit.Tls;

/// <summary>
/// How a TLS client handshakes and what it trusts. The defaults: verify against the system's trust store, for the
/// host connected to (which is also sent as SNI), with the system's protocol versions, no client certificate, no ALPN.
/// </summary>
public sealed record TlsClientOptions
{
    /// <summary>The name sent as SNI and checked against the certificate; null (the default) for the host connected to.</summary>
    public string? TargetHost { get; init; }

    /// <summary>
    /// The roots to trust instead of the system's store (e.g. a private CA's certificates, see
    /// <see cref="TlsCertificates.LoadPemBundle"/>); null (the default) for the system's store.
    /// </summary>
    public X509Certificate2Collection? TrustedRoots { get; init; }

    /// <summary>
    /// Go on even when the certificate is not trusted (curl's <c>--insecure</c>). The verdict is still worked out and
    /// reported in <see cref="TlsSession.Verdict"/>. Default false.
    /// </summary>
    public bool AllowUntrusted { get; init; }

    /// <summary>A client certificate with its private key, for servers that ask for one; default null.</summary>
    public X509Certificate2? ClientCertificate { get; init; }

    /// <summary>The protocol versions allowed; <see cref="SslProtocols.None"/> (the default) lets the system choose.</summary>
    public SslProtocols Protocols { get; init; } = SslProtocols.None;

    /// <summary>The ALPN protocols to offer, in order of preference (e.g. <c>http/1.1</c>); default none.</summary>
    public IReadOnlyList<string> ApplicationProtocols { get; init; } = [];
}
