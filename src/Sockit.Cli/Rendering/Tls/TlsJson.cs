namespace Sockit.Cli.Rendering;

/// <summary>The JSON document of <c>sockit tls</c> (docs/cli-json.md).</summary>
internal sealed record TlsJson(
    int Version,
    string Host,
    int Port,
    string? Address,
    string ServerName,
    string Protocol,
    string CipherSuite,
    string? Alpn,
    bool Trusted,
    string Verdict,
    string? Reason,
    IReadOnlyList<TlsCertificateJson> Chain);
