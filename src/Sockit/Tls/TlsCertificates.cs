using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sockit.Tls;

/// <summary>Certificates from PEM files, and a fresh self-signed one for a server started without any.</summary>
public static class TlsCertificates
{
    /// <summary>
    /// Every certificate in the PEM file at <paramref name="path"/> (one or many, e.g. a CA bundle). Throws
    /// <see cref="FileNotFoundException"/> when the file is missing and <see cref="CryptographicException"/> when it
    /// holds no PEM certificate.
    /// </summary>
    public static X509Certificate2Collection LoadPemBundle(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(path);
        if (certificates.Count == 0)
        {
            throw new CryptographicException($"{path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return certificates;
    }

    /// <summary>
    /// A certificate and its private key from PEM files (the key may be in the certificate's file, then
    /// <paramref name="keyPath"/> is null). Throws <see cref="FileNotFoundException"/> or <see cref="CryptographicException"/>.
    /// </summary>
    public static X509Certificate2 LoadWithKey(string certificatePath, string? keyPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(certificatePath);
        return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
    }

    /// <summary>
    /// A new self-signed certificate (ECDSA P-256, valid from a day ago for <paramref name="validity"/>) for
    /// <paramref name="names"/>: each a DNS name or an IP address, the first also its common name.
    /// </summary>
    public static X509Certificate2 CreateSelfSigned(IReadOnlyList<string> names, TimeSpan validity)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentOutOfRangeException.ThrowIfZero(names.Count);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={names[0]}", key, HashAlgorithmName.SHA256);
        var alternativeNames = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            if (IPAddress.TryParse(name, out var address))
            {
                alternativeNames.AddIpAddress(address);
            }
            else
            {
                alternativeNames.AddDnsName(name);
            }
        }
        request.CertificateExtensions.Add(alternativeNames.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now + validity);
    }
}
