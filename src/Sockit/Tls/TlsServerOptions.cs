using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Sockit.Tls;

/// <summary>How a TLS server handshakes: its certificate (with the private key), the versions it allows, the ALPN it accepts.</summary>
public sealed record TlsServerOptions
{
    /// <summary>Creates the options for <paramref name="certificate"/>, which must have its private key.</summary>
    public TlsServerOptions(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Certificate = certificate;
    }

    /// <summary>The server's certificate, with its private key (see <see cref="TlsCertificates"/>).</summary>
    public X509Certificate2 Certificate { get; init; }

    /// <summary>Certificates sent after the server's own (intermediates); default none.</summary>
    public X509Certificate2Collection? Intermediates { get; init; }

    /// <summary>The protocol versions allowed; <see cref="SslProtocols.None"/> (the default) lets the system choose.</summary>
    public SslProtocols Protocols { get; init; } = SslProtocols.None;

    /// <summary>The ALPN protocols accepted, in order of preference; default none.</summary>
    public IReadOnlyList<string> ApplicationProtocols { get; init; } = [];
}
