using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Sockit.Tls;

/// <summary>
/// The client's certificate check, as SslStream's validation callback: builds the chain (against the system's store,
/// or only the given roots), checks the name, and keeps the verdict and the chain for the session record and for
/// the failure's message. Accepts an untrusted certificate only when told to.
/// </summary>
internal sealed class TrustCheck(string targetHost, TlsClientOptions options)
{
    public TlsVerdict? Verdict { get; private set; }

    public string? Reason { get; private set; }

    public IReadOnlyList<TlsCertificateInfo> Chain { get; private set; } = [];

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            Decide(TlsVerdict.NoCertificate, "the server sent no certificate");
            return options.AllowUntrusted;
        }
        var leaf = certificate as X509Certificate2 ?? new X509Certificate2(certificate);
        using var custom = options.TrustedRoots is null ? null : BuildCustom(leaf, chain);
        var built = custom ?? chain;
        if (built is null || built.ChainElements.Count == 0)
        {
            Chain = [TlsCertificateInfo.From(leaf)];
        }
        else
        {
            Chain = built.ChainElements.Select(e => TlsCertificateInfo.From(e.Certificate)).ToList();
        }
        var status = built?.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status) ?? X509ChainStatusFlags.PartialChain;
        var info = Chain[0];
        if ((status & X509ChainStatusFlags.NotTimeValid) != 0)
        {
            var expired = Chain.FirstOrDefault(c => c.NotAfter < DateTimeOffset.UtcNow);
            if (expired is not null)
            {
                Decide(TlsVerdict.Expired, expired == info
                    ? $"the certificate expired on {Date(expired.NotAfter)}"
                    : $"the certificate of its issuer '{expired.Subject}' expired on {Date(expired.NotAfter)}");
            }
            else
            {
                var early = Chain.First(c => c.NotBefore > DateTimeOffset.UtcNow);
                Decide(TlsVerdict.NotYetValid, $"the certificate of '{early.Subject}' is not valid before {Date(early.NotBefore)}");
            }
        }
        else if ((status & (X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain)) != 0)
        {
            if (Chain.Count == 1 && info.IsSelfIssued)
            {
                Decide(TlsVerdict.SelfSigned, $"it is self-signed ('{info.Subject}') and not among the trusted certificates");
            }
            else
            {
                var top = Chain[^1];
                Decide(TlsVerdict.UnknownIssuer, $"its issuer '{top.Issuer}' is not a trusted certificate authority");
            }
        }
        else if (status != X509ChainStatusFlags.NoError)
        {
            var words = built!.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct();
            Decide(TlsVerdict.Other, $"the chain does not verify: {string.Join("; ", words)} ({status})");
        }
        else if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0 || !TlsCertificateInfo.Matches(leaf, targetHost))
        {
            var names = info.DnsNames.Concat(info.IPAddresses).ToList();
            Decide(TlsVerdict.NameMismatch, names.Count == 0
                ? $"the certificate ('{info.Subject}') names no host, not {targetHost}"
                : $"the certificate is for {string.Join(", ", names)}, not {targetHost}");
        }
        else
        {
            Decide(TlsVerdict.Trusted, null);
        }
        return Verdict == TlsVerdict.Trusted || options.AllowUntrusted;
    }

    private X509Chain BuildCustom(X509Certificate2 leaf, X509Chain? sent)
    {
        var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(options.TrustedRoots!);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (sent is not null)
        {
            // The intermediates the server sent, so a chain through them can reach the given roots.
            chain.ChainPolicy.ExtraStore.AddRange(sent.ChainPolicy.ExtraStore);
            foreach (var element in sent.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }
        chain.Build(leaf);
        return chain;
    }

    private void Decide(TlsVerdict verdict, string? reason)
    {
        Verdict = verdict;
        Reason = reason;
    }

    private static string Date(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
