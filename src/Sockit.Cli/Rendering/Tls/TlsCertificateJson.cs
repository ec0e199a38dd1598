namespace Sockit.Cli.Rendering;

/// <summary>One certificate of <c>sockit tls</c>'s chain (docs/cli-json.md).</summary>
internal sealed record TlsCertificateJson(
    string Subject,
    string Issuer,
    string NotBefore,
    string NotAfter,
    int DaysLeft,
    IReadOnlyList<string> DnsNames,
    IReadOnlyList<string> IpAddresses,
    string KeyAlgorithm,
    int KeySize,
    string Sha256,
    string SerialNumber);
