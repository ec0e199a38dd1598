using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sockit.Tls;

/// <summary>What people look at in a certificate: who it is for, who signed it, when it is valid, its names, its key and its fingerprint.</summary>
public sealed record TlsCertificateInfo
{
    /// <summary>The subject's distinguished name, most specific part first (<c>CN=localhost, O=Example</c>).</summary>
    public required string Subject { get; init; }

    /// <summary>The issuer's distinguished name; the same as <see cref="Subject"/> for a self-issued certificate.</summary>
    public required string Issuer { get; init; }

    /// <summary>The certificate is not valid before this instant (UTC).</summary>
    public required DateTimeOffset NotBefore { get; init; }

    /// <summary>The certificate is not valid after this instant (UTC).</summary>
    public required DateTimeOffset NotAfter { get; init; }

    /// <summary>The DNS names of its subjectAltName extension, in order; empty when it has none.</summary>
    public required IReadOnlyList<string> DnsNames { get; init; }

    /// <summary>The IP addresses of its subjectAltName extension, in order; empty when it has none.</summary>
    public required IReadOnlyList<string> IPAddresses { get; init; }

    /// <summary>The public key's algorithm: <c>RSA</c>, <c>EC</c>, <c>Ed25519</c>, or the algorithm's OID when it is another.</summary>
    public required string KeyAlgorithm { get; init; }

    /// <summary>The public key's size in bits (the curve's size for EC); 0 when not known.</summary>
    public required int KeySize { get; init; }

    /// <summary>The SHA-256 fingerprint of the DER encoding, as <c>openssl x509 -fingerprint -sha256</c> writes it: uppercase hex pairs joined by colons.</summary>
    public required string Sha256Fingerprint { get; init; }

    /// <summary>The serial number, hex, as the certificate holds it (big-endian).</summary>
    public required string SerialNumber { get; init; }

    /// <summary>The certificate in PEM (<c>-----BEGIN CERTIFICATE-----</c> ...), ending in a newline.</summary>
    public required string Pem { get; init; }

    /// <summary>Whether the subject and issuer are the same name (a root, or a self-signed certificate).</summary>
    public bool IsSelfIssued => Subject == Issuer;

    /// <summary>Reads the facts of <paramref name="certificate"/>.</summary>
    public static TlsCertificateInfo From(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var dnsNames = new List<string>();
        var addresses = new List<string>();
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension names)
            {
                dnsNames.AddRange(names.EnumerateDnsNames());
                addresses.AddRange(names.EnumerateIPAddresses().Select(a => a.ToString()));
            }
            else if (extension.Oid?.Value == "2.5.29.17")
            {
                var parsed = new X509SubjectAlternativeNameExtension(extension.RawData, extension.Critical);
                dnsNames.AddRange(parsed.EnumerateDnsNames());
                addresses.AddRange(parsed.EnumerateIPAddresses().Select(a => a.ToString()));
            }
        }
        var (algorithm, size) = KeyOf(certificate);
        return new TlsCertificateInfo
        {
            Subject = certificate.Subject,
            Issuer = certificate.Issuer,
            NotBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            NotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            DnsNames = dnsNames,
            IPAddresses = addresses,
            KeyAlgorithm = algorithm,
            KeySize = size,
            Sha256Fingerprint = Fingerprint(certificate),
            SerialNumber = certificate.SerialNumber,
            Pem = certificate.ExportCertificatePem() + "\n",
        };
    }

    /// <summary>Whether the certificate names <paramref name="host"/> (a DNS name, wildcards as RFC 6125 allows, or an IP address).</summary>
    public static bool Matches(X509Certificate2 certificate, string host)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var name = host.Trim('[', ']');
        return certificate.MatchesHostname(name, allowWildcards: true, allowCommonName: !IPAddress.TryParse(name, out _));
    }

    private static string Fingerprint(X509Certificate2 certificate)
    {
        var hash = SHA256.HashData(certificate.RawData);
        return string.Join(':', hash.Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static (string Algorithm, int Size) KeyOf(X509Certificate2 certificate)
    {
        switch (certificate.PublicKey.Oid.Value)
        {
            case "1.2.840.113549.1.1.1":
                using (var rsa = certificate.GetRSAPublicKey())
                {
                    return ("RSA", rsa?.KeySize ?? 0);
                }
            case "1.2.840.10045.2.1":
                using (var ec = certificate.GetECDsaPublicKey())
                {
                    return ("EC", ec?.KeySize ?? 0);
                }
            case "1.3.101.112":
                return ("Ed25519", 256);
            case "1.3.101.113":
                return ("Ed448", 456);
            default:
                return (certificate.PublicKey.Oid.Value ?? "unknown", 0);
        }
    }
}
