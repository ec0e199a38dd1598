namespace Sockit.Tls;

/// <summary>Whether a server's certificate is trusted for the name asked for, and if not, the first reason why.</summary>
public enum TlsVerdict
{
    /// <summary>The chain leads to a trusted root, every certificate is within its validity, and the name matches.</summary>
    Trusted,
    /// <summary>A certificate of the chain is past its notAfter date.</summary>
    Expired,
    /// <summary>A certificate of the chain is not valid yet (its notBefore date is in the future).</summary>
    NotYetValid,
    /// <summary>The chain is trusted, but the certificate is not for the name asked for (no matching subjectAltName).</summary>
    NameMismatch,
    /// <summary>The chain does not lead to a trusted root: its issuer is not known here.</summary>
    UnknownIssuer,
    /// <summary>The certificate signed itself and is not among the trusted ones.</summary>
    SelfSigned,
    /// <summary>The server sent no certificate.</summary>
    NoCertificate,
    /// <summary>Another chain error (revoked, wrong key usage, bad signature, ...); the details say which.</summary>
    Other,
}
