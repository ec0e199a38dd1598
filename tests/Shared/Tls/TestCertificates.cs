using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Sockit.Testing.Tls;

/// <summary>
/// The tests' own certificates, made once per test run in a temp dir with .NET's CertificateRequest: a test CA; a
/// leaf it signed for <c>localhost</c> and <c>127.0.0.1</c>; an expired leaf; a leaf for another name; a self-signed
/// certificate for localhost; a client certificate the CA signed. Each as <c>NAME.pem</c> and <c>NAME.key</c> (PKCS#8 PEM).
/// </summary>
public sealed class TestCertificates
{
    private static readonly Lazy<TestCertificates> s_shared = new(() => new TestCertificates());

    private TestCertificates()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("sockit-tls-").FullName;
        var directory = Directory;
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                System.IO.Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        var now = DateTimeOffset.UtcNow;
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=sockit test CA, O=sockit tests", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(now.AddDays(-30), now.AddYears(5));
        File.WriteAllText(Path("ca.pem"), ca.ExportCertificatePem() + "\n");

        Leaf("leaf", "CN=localhost", ["localhost", "127.0.0.1"], now.AddDays(-1), now.AddDays(90), ca, caKey, rsa: true);
        Leaf("expired", "CN=localhost", ["localhost", "127.0.0.1"], now.AddDays(-60), now.AddDays(-2), ca, caKey, rsa: false);
        Leaf("wrongname", "CN=other.invalid", ["other.invalid"], now.AddDays(-1), now.AddDays(90), ca, caKey, rsa: false);
        Leaf("client", "CN=sockit test client", [], now.AddDays(-1), now.AddDays(90), ca, caKey, rsa: false, client: true);
        SelfSigned("selfsigned", now);
    }

    /// <summary>The certificates, made on first use.</summary>
    public static TestCertificates Shared => s_shared.Value;

    /// <summary>The temp dir holding the files.</summary>
    public string Directory { get; }

    /// <summary>The test CA's certificate (PEM).</summary>
    public string CaPath => Path("ca.pem");

    /// <summary>The certificate file of <paramref name="name"/>: leaf, expired, wrongname, selfsigned, client.</summary>
    public string Cert(string name) => Path(name + ".pem");

    /// <summary>The private key file of <paramref name="name"/>.</summary>
    public string Key(string name) => Path(name + ".key");

    private string Path(string file) => System.IO.Path.Combine(Directory, file);

    private void Leaf(string name, string subject, string[] names, DateTimeOffset notBefore, DateTimeOffset notAfter, X509Certificate2 ca, ECDsa caKey, bool rsa, bool client = false)
    {
        using AsymmetricAlgorithm key = rsa ? RSA.Create(2048) : ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = key is RSA r
            ? new CertificateRequest(subject, r, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest(subject, (ECDsa)key, HashAlgorithmName.SHA256);
        AddLeafExtensions(request, names, client);
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        using var issued = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), notBefore, notAfter, serial);
        File.WriteAllText(Cert(name), issued.ExportCertificatePem() + "\n");
        File.WriteAllText(Key(name), (key is RSA rsaKey ? rsaKey.ExportPkcs8PrivateKeyPem() : ((ECDsa)key).ExportPkcs8PrivateKeyPem()) + "\n");
    }

    private void SelfSigned(string name, DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost, O=sockit self-signed", key, HashAlgorithmName.SHA256);
        AddLeafExtensions(request, ["localhost", "127.0.0.1"], client: false);
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(90));
        File.WriteAllText(Cert(name), certificate.ExportCertificatePem() + "\n");
        File.WriteAllText(Key(name), key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    private static void AddLeafExtensions(CertificateRequest request, string[] names, bool client)
    {
        if (names.Length > 0)
        {
            var alternative = new SubjectAlternativeNameBuilder();
            foreach (var n in names)
            {
                if (IPAddress.TryParse(n, out var address))
                {
                    alternative.AddIpAddress(address);
                }
                else
                {
                    alternative.AddDnsName(n);
                }
            }
            request.CertificateExtensions.Add(alternative.Build());
        }
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(client ? "1.3.6.1.5.5.7.3.2" : "1.3.6.1.5.5.7.3.1")], false));
    }
}
