namespace Sockit.Tls;

/// <summary>
/// A TLS handshake failed. <see cref="SockitException.Failure"/> is <see cref="SockitFailure.Untrusted"/> when the
/// peer's certificate is not trusted (<see cref="Verdict"/> says why, <see cref="Session"/> has the chain), or
/// <see cref="SockitFailure.Protocol"/> when the handshake failed on protocol grounds (no common version or cipher,
/// an alert from the peer, a peer that does not speak TLS at all: <see cref="PeerSpokeHttp"/>).
/// </summary>
public sealed class TlsException : SockitException
{
    /// <summary>Creates the exception.</summary>
    public TlsException(SockitFailure failure, string message, Exception? innerException = null)
        : base(failure, message, innerException)
    {
    }

    /// <summary>Why the certificate is not trusted, for <see cref="SockitFailure.Untrusted"/>; null otherwise.</summary>
    public TlsVerdict? Verdict { get; init; }

    /// <summary>The name the certificate was checked against; null on the server side.</summary>
    public string? Host { get; init; }

    /// <summary>What the handshake had settled when it failed on trust (protocol, cipher, the chain); null when it failed earlier.</summary>
    public TlsSession? Session { get; init; }

    /// <summary>The peer answered the handshake with plain HTTP (<c>HTTP/1.x ...</c>): a plain-HTTP server on the port asked for TLS.</summary>
    public bool PeerSpokeHttp { get; init; }
}
