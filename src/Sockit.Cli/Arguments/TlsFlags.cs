using System.CommandLine;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Sockit.Tls;

namespace Sockit.Cli.Arguments;

/// <summary>
/// The TLS options <c>get</c>, <c>connect</c>, <c>listen</c> and <c>tls</c> share (each command makes its own set and
/// adds the ones it takes), and their files read into the library's options: a file that is missing or holds no PEM
/// is exit 66 with the flag named.
/// </summary>
internal sealed class TlsFlags
{
    public Option<string?> CaCert { get; } = new("--cacert")
    {
        Description = "Trust only the CA certificates in FILE (PEM, one or many) instead of the system's store",
        HelpName = "FILE",
    };

    public Option<bool> Insecure { get; } = new("--insecure")
    {
        Description = "Go on even when the server's certificate is not trusted (curl's -k); the reason is still shown",
    };

    public Option<string?> Cert { get; } = new("--cert")
    {
        Description = "Certificate (PEM) to present: a client certificate, or the server's own with listen --tls",
        HelpName = "FILE",
    };

    public Option<string?> Key { get; } = new("--key")
    {
        Description = "The private key (PEM) of --cert, when it is not in the --cert file",
        HelpName = "FILE",
    };

    public Option<string?> TlsMin { get; } = CreateTlsMin();

    /// <summary>The client's flags: --cacert, --insecure, --cert, --key, --tls-min.</summary>
    public IEnumerable<Option> Client => [CaCert, Insecure, Cert, Key, TlsMin];

    /// <summary>The client options the command line asks for; <paramref name="targetHost"/> overrides the name checked (--sni).</summary>
    public TlsClientOptions ClientOptions(ParseResult parseResult, string? targetHost = null)
    {
        var certPath = parseResult.GetValue(Cert);
        var keyPath = parseResult.GetValue(Key);
        if (keyPath is not null && certPath is null)
        {
            throw CliException.Usage("--key goes with --cert: give the certificate too (--cert FILE --key FILE)");
        }
        return new TlsClientOptions
        {
            TargetHost = targetHost,
            TrustedRoots = parseResult.GetValue(CaCert) is { } caPath ? LoadBundle("--cacert", caPath) : null,
            AllowUntrusted = parseResult.GetValue(Insecure),
            ClientCertificate = certPath is null ? null : LoadWithKey(certPath, keyPath),
            Protocols = Protocols(parseResult.GetValue(TlsMin)),
        };
    }

    /// <summary>The server's certificate from --cert/--key, or null when neither is given.</summary>
    public X509Certificate2? ServerCertificate(ParseResult parseResult)
    {
        var certPath = parseResult.GetValue(Cert);
        var keyPath = parseResult.GetValue(Key);
        if (keyPath is not null && certPath is null)
        {
            throw CliException.Usage("--key goes with --cert: give the certificate too (--cert FILE --key FILE)");
        }
        return certPath is null ? null : LoadWithKey(certPath, keyPath);
    }

    public static SslProtocols Protocols(string? minimum) => minimum switch
    {
        "1.2" => SslProtocols.Tls12 | SslProtocols.Tls13,
        "1.3" => SslProtocols.Tls13,
        _ => SslProtocols.None,
    };

    private static Option<string?> CreateTlsMin()
    {
        var option = new Option<string?>("--tls-min")
        {
            Description = "The lowest TLS version to accept: 1.2 or 1.3 (default: the system's)",
            HelpName = "VERSION",
        };
        option.AcceptOnlyFromAmong("1.2", "1.3");
        return option;
    }

    private static X509Certificate2Collection LoadBundle(string flag, string path)
    {
        Exists(flag, path);
        try
        {
            return TlsCertificates.LoadPemBundle(path);
        }
        catch (CryptographicException)
        {
            throw new CliException(ExitCodes.NoInput, $"{flag} {path}: no PEM certificate in it (give a file with -----BEGIN CERTIFICATE----- blocks)");
        }
    }

    private static X509Certificate2 LoadWithKey(string certPath, string? keyPath)
    {
        Exists("--cert", certPath);
        if (keyPath is not null)
        {
            Exists("--key", keyPath);
        }
        try
        {
            return TlsCertificates.LoadWithKey(certPath, keyPath);
        }
        catch (CryptographicException e)
        {
            throw new CliException(ExitCodes.NoInput, keyPath is null
                ? $"--cert {certPath}: cannot read a certificate and its private key from it ({e.Message.TrimEnd('.')}; give the key with --key FILE)"
                : $"--cert {certPath} --key {keyPath}: cannot read the certificate and its private key ({e.Message.TrimEnd('.')}; check that both are PEM and belong together)");
        }
    }

    private static void Exists(string flag, string path)
    {
        if (!File.Exists(path))
        {
            throw new CliException(ExitCodes.NoInput, $"{flag} {path}: no such file (check the path)");
        }
    }
}
