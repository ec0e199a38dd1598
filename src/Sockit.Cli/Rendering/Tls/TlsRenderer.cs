using System.Globalization;
using Sockit.Connections;
using Sockit.Tls;

namespace Sockit.Cli.Rendering;

/// <summary>
/// Renders <see cref="TlsReport"/>: the negotiated protocol, cipher and ALPN, the verdict, and each certificate of the
/// chain (subject, issuer, validity with days left, names, key, SHA-256 fingerprint) on one screen; or the chain as
/// PEM. There is no python format (Python's ssl module has no one call that shows this): the command refuses it.
/// </summary>
internal sealed class TlsRenderer : ResultRenderer<TlsReport>
{
    public override void WriteText(TlsReport result, TextWriter output, TextWriter error)
    {
        var session = result.Session;
        output.WriteLine($"server     {Server(result)}");
        output.WriteLine($"sni        {session.TargetHost}");
        output.WriteLine($"protocol   {session.ProtocolName}");
        output.WriteLine($"cipher     {session.CipherSuite}");
        output.WriteLine($"alpn       {session.ApplicationProtocol ?? "(none)"}");
        output.WriteLine($"verdict    {(session.Verdict == TlsVerdict.Trusted ? "trusted" : $"NOT trusted, {VerdictName(session.Verdict)}: {session.VerdictReason}")}");
        output.WriteLine(session.Chain.Count == 0 ? "chain      (no certificate)" : "chain");
        for (var i = 0; i < session.Chain.Count; i++)
        {
            var certificate = session.Chain[i];
            var names = certificate.DnsNames.Select(n => "DNS:" + n).Concat(certificate.IPAddresses.Select(a => "IP:" + a)).ToList();
            output.WriteLine($"  {i} subject  {certificate.Subject}");
            output.WriteLine($"    issuer   {certificate.Issuer}{(certificate.IsSelfIssued ? " (self-issued)" : "")}");
            output.WriteLine($"    valid    {Date(certificate.NotBefore)} to {Date(certificate.NotAfter)} ({Left(certificate, result.Now)})");
            output.WriteLine($"    names    {(names.Count == 0 ? "(none)" : string.Join(", ", names))}");
            output.WriteLine($"    key      {certificate.KeyAlgorithm} {certificate.KeySize} bits");
            output.WriteLine($"    sha256   {certificate.Sha256Fingerprint}");
        }
    }

    /// <summary>--pem: each certificate of the chain in PEM, the server's own first, as <c>openssl s_client -showcerts</c> shows them.</summary>
    public static void WritePem(TlsReport result, TextWriter output)
    {
        foreach (var certificate in result.Session.Chain)
        {
            output.Write(certificate.Pem);
        }
    }

    public override void WriteJson(TlsReport result, TextWriter output)
    {
        var session = result.Session;
        JsonOutput.Write(output, new TlsJson(
            JsonContract.Version,
            result.Host,
            result.Port,
            session.RemoteEndPoint is null ? null : Endpoints.Format(session.RemoteEndPoint),
            session.TargetHost,
            session.ProtocolName,
            session.CipherSuite,
            session.ApplicationProtocol,
            session.Verdict == TlsVerdict.Trusted,
            VerdictName(session.Verdict),
            session.VerdictReason,
            [.. session.Chain.Select(c => new TlsCertificateJson(c.Subject, c.Issuer, Iso(c.NotBefore), Iso(c.NotAfter), DaysLeft(c, result.Now),
                c.DnsNames, c.IPAddresses, c.KeyAlgorithm, c.KeySize, c.Sha256Fingerprint, c.SerialNumber))]),
            CliJsonContext.Default.TlsJson);
    }

    public override void WritePython(TlsReport result, TextWriter output) =>
        throw CliException.Usage("sockit tls has no python format: use --format json");

    /// <summary>The verdict as docs/cli-json.md names it.</summary>
    public static string VerdictName(TlsVerdict? verdict) => verdict switch
    {
        TlsVerdict.Trusted => "trusted",
        TlsVerdict.Expired => "expired",
        TlsVerdict.NotYetValid => "not-yet-valid",
        TlsVerdict.NameMismatch => "name-mismatch",
        TlsVerdict.UnknownIssuer => "unknown-issuer",
        TlsVerdict.SelfSigned => "self-signed",
        TlsVerdict.NoCertificate => "no-certificate",
        _ => "other",
    };

    private static string Server(TlsReport result)
    {
        var asked = result.Host.Contains(':', StringComparison.Ordinal) ? $"[{result.Host}]:{result.Port}" : $"{result.Host}:{result.Port}";
        var address = result.Session.RemoteEndPoint is null ? null : Endpoints.Format(result.Session.RemoteEndPoint);
        return address is null || address == asked ? asked : $"{asked} ({address})";
    }

    // Whole days: the floor of the time left, so "0 days left" is the last day.
    private static int DaysLeft(TlsCertificateInfo certificate, DateTimeOffset now) => (int)Math.Floor((certificate.NotAfter - now).TotalDays);

    private static string Left(TlsCertificateInfo certificate, DateTimeOffset now)
    {
        if (certificate.NotBefore > now)
        {
            return "not valid yet";
        }
        var days = DaysLeft(certificate, now);
        return certificate.NotAfter < now
            ? $"expired {-days - 1} days ago".Replace("expired 0 days ago", "expired today", StringComparison.Ordinal)
            : days == 1 ? "1 day left" : $"{days} days left";
    }

    private static string Date(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
