using System.Net;
using System.Security.Authentication;

namespace Sockit.Tls;

/// <summary>What a TLS handshake settled: the protocol, the cipher suite, ALPN, the peer's certificate chain and whether it is trusted.</summary>
public sealed record TlsSession
{
    /// <summary>The name the client asked for (sent as SNI when it is a name, and checked against the certificate).</summary>
    public required string TargetHost { get; init; }

    /// <summary>The peer's address, when known.</summary>
    public EndPoint? RemoteEndPoint { get; init; }

    /// <summary>The negotiated protocol version.</summary>
    public required SslProtocols Protocol { get; init; }

    /// <summary>The protocol as OpenSSL and Python name it: <c>TLSv1.3</c>, <c>TLSv1.2</c>.</summary>
    public string ProtocolName => Protocol switch
    {
#pragma warning disable SYSLIB0039 // Old versions are named, not offered.
        SslProtocols.Tls => "TLSv1",
        SslProtocols.Tls11 => "TLSv1.1",
#pragma warning restore SYSLIB0039
        SslProtocols.Tls12 => "TLSv1.2",
        SslProtocols.Tls13 => "TLSv1.3",
        _ => Protocol.ToString(),
    };

    /// <summary>The negotiated cipher suite, by its IANA name (<c>TLS_AES_256_GCM_SHA384</c>).</summary>
    public required string CipherSuite { get; init; }

    /// <summary>The protocol ALPN settled on (<c>http/1.1</c>), or null when none was.</summary>
    public string? ApplicationProtocol { get; init; }

    /// <summary>
    /// The peer's certificate chain as verified, its own certificate first, then each issuer up to the root when the
    /// chain could be built that far (a root from the trust store included). Empty when the peer sent no certificate.
    /// </summary>
    public required IReadOnlyList<TlsCertificateInfo> Chain { get; init; }

    /// <summary>Whether the peer's certificate is trusted, and if not why; null when it was not checked (a server's view of a client without a certificate).</summary>
    public TlsVerdict? Verdict { get; init; }

    /// <summary>The reason in words, for a verdict other than <see cref="TlsVerdict.Trusted"/>; null otherwise.</summary>
    public string? VerdictReason { get; init; }
}
