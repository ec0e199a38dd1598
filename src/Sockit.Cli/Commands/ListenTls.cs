using System.Net;
using System.Security.Cryptography.X509Certificates;
using Sockit.Tls;

namespace Sockit.Cli.Commands;

/// <summary>listen --tls: the certificate given, or (as ncat does) a new self-signed one for this machine's loopback names and the bound address.</summary>
internal static class ListenTls
{
    /// <summary>How long the self-signed certificate is valid: long enough for any session, short enough not to be kept.</summary>
    private static readonly TimeSpan s_selfSignedValidity = TimeSpan.FromDays(30);

    public static TlsServerOptions Options(X509Certificate2? given, IPAddress bound)
    {
        if (given is not null)
        {
            return new TlsServerOptions(given);
        }
        var names = new List<string> { "localhost", "127.0.0.1", "::1" };
        if (!IPAddress.IsLoopback(bound) && !bound.Equals(IPAddress.Any) && !bound.Equals(IPAddress.IPv6Any))
        {
            names.Add(bound.ToString());
        }
        return new TlsServerOptions(TlsCertificates.CreateSelfSigned(names, s_selfSignedValidity));
    }
}
