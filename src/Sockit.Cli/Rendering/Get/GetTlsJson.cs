namespace Sockit.Cli.Rendering;

/// <summary>The <c>tls</c> object of <c>get --format json</c> for an https URL (docs/cli-json.md): what the handshake settled and the verdict.</summary>
internal sealed record GetTlsJson(string Protocol, string CipherSuite, string? Alpn, string Verdict, string? Reason);
