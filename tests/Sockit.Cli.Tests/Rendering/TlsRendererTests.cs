using System.Net;
using Sockit.Cli.Rendering;
using Sockit.Tls;

namespace Sockit.Cli.Tests.Renderers;

/// <summary>The tls command's renderer on hand-built results: exact text and JSON.</summary>
public sealed class TlsRendererTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly TlsCertificateInfo s_leaf = new()
    {
        Subject = "CN=localhost",
        Issuer = "CN=Test CA",
        NotBefore = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        NotAfter = new DateTimeOffset(2026, 2, 27, 0, 0, 0, TimeSpan.Zero),
        DnsNames = ["localhost"],
        IPAddresses = ["127.0.0.1"],
        KeyAlgorithm = "EC",
        KeySize = 256,
        Sha256Fingerprint = "AA:BB",
        SerialNumber = "01",
        Pem = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
    };

    private static readonly TlsReport s_expired = new("localhost", 8443, new TlsSession
    {
        TargetHost = "localhost",
        RemoteEndPoint = new IPEndPoint(IPAddress.Loopback, 8443),
        Protocol = System.Security.Authentication.SslProtocols.Tls13,
        CipherSuite = "TLS_AES_128_GCM_SHA256",
        ApplicationProtocol = null,
        Chain = [s_leaf],
        Verdict = TlsVerdict.Expired,
        VerdictReason = "the certificate expired on 2026-02-27 00:00:00 UTC",
    }, s_now);

    [Fact]
    public void Text_OneScreen_WithTheVerdictAndDaysSinceExpiry()
    {
        var rendered = Rendered.Text(new TlsRenderer(), s_expired);
        Assert.Equal(
            "server     localhost:8443 (127.0.0.1:8443)\n" +
            "sni        localhost\n" +
            "protocol   TLSv1.3\n" +
            "cipher     TLS_AES_128_GCM_SHA256\n" +
            "alpn       (none)\n" +
            "verdict    NOT trusted, expired: the certificate expired on 2026-02-27 00:00:00 UTC\n" +
            "chain\n" +
            "  0 subject  CN=localhost\n" +
            "    issuer   CN=Test CA\n" +
            "    valid    2026-01-01 00:00:00 UTC to 2026-02-27 00:00:00 UTC (expired 2 days ago)\n" +
            "    names    DNS:localhost, IP:127.0.0.1\n" +
            "    key      EC 256 bits\n" +
            "    sha256   AA:BB\n",
            rendered.Stdout);
        Assert.Equal("", rendered.Stderr);
    }

    [Fact]
    public void Json_AllFacts_AlpnLeftOutWhenNone()
    {
        Assert.Equal("""
            {
              "version": 1,
              "host": "localhost",
              "port": 8443,
              "address": "127.0.0.1:8443",
              "serverName": "localhost",
              "protocol": "TLSv1.3",
              "cipherSuite": "TLS_AES_128_GCM_SHA256",
              "trusted": false,
              "verdict": "expired",
              "reason": "the certificate expired on 2026-02-27 00:00:00 UTC",
              "chain": [
                {
                  "subject": "CN=localhost",
                  "issuer": "CN=Test CA",
                  "notBefore": "2026-01-01T00:00:00Z",
                  "notAfter": "2026-02-27T00:00:00Z",
                  "daysLeft": -3,
                  "dnsNames": [
                    "localhost"
                  ],
                  "ipAddresses": [
                    "127.0.0.1"
                  ],
                  "keyAlgorithm": "EC",
                  "keySize": 256,
                  "sha256": "AA:BB",
                  "serialNumber": "01"
                }
              ]
            }

            """.Replace("\r\n", "\n", StringComparison.Ordinal), Rendered.Json(new TlsRenderer(), s_expired));
    }

    [Fact]
    public void Pem_IsEachCertificateInOrder()
    {
        using var output = new StringWriter(System.Globalization.CultureInfo.InvariantCulture) { NewLine = "\n" };
        TlsRenderer.WritePem(s_expired, output);
        Assert.Equal(s_leaf.Pem, output.ToString());
    }
}
