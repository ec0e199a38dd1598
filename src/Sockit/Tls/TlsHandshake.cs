using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Sockit.Connections;

namespace Sockit.Tls;

/// <summary>
/// The TLS handshake over a connected stream, both sides, with .NET's <see cref="SslStream"/> (the system's OpenSSL on
/// Linux): failures become <see cref="TlsException"/>s (untrusted, or protocol) or, when the transport broke,
/// <see cref="ConnectionException"/>s; success gives the stream and a <see cref="TlsSession"/>.
/// </summary>
internal static class TlsHandshake
{
    public static async Task<(SslStream Stream, TlsSession Session)> AsClientAsync(Stream transport, string host, EndPoint? peer, TlsClientOptions options, CancellationToken cancellationToken)
    {
        var target = options.TargetHost ?? host.Trim('[', ']');
        var recorder = new FirstBytesStream(new ReadAheadStream(transport));
        var check = new TrustCheck(target, options);
        var stream = new SslStream(recorder, leaveInnerStreamOpen: false);
        var authentication = new SslClientAuthenticationOptions
        {
            TargetHost = target,
            EnabledSslProtocols = options.Protocols,
            RemoteCertificateValidationCallback = check.Validate,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            ApplicationProtocols = Alpn(options.ApplicationProtocols),
            ClientCertificateContext = options.ClientCertificate is { } mine ? SslStreamCertificateContext.Create(mine, null, offline: true) : null,
        };
        try
        {
            await stream.AuthenticateAsClientAsync(authentication, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            if (check.Verdict is { } verdict and not TlsVerdict.Trusted && !options.AllowUntrusted)
            {
                throw new TlsException(SockitFailure.Untrusted, $"TLS certificate of {target} is not trusted: {check.Reason}", e)
                {
                    Verdict = verdict,
                    Host = target,
                    Session = new TlsSession
                    {
                        TargetHost = target,
                        RemoteEndPoint = peer,
                        Protocol = SslProtocols.None,
                        CipherSuite = "",
                        Chain = check.Chain,
                        Verdict = verdict,
                        VerdictReason = check.Reason,
                    },
                };
            }
            throw Failed(e, recorder, $"TLS handshake with {Describe(target, peer)} failed", target);
        }
        return (stream, Session(stream, target, peer, check));
    }

    public static async Task<(SslStream Stream, TlsSession Session)> AsServerAsync(Stream transport, EndPoint? peer, TlsServerOptions options, CancellationToken cancellationToken)
    {
        var recorder = new FirstBytesStream(new ReadAheadStream(transport));
        var stream = new SslStream(recorder, leaveInnerStreamOpen: false);
        var authentication = new SslServerAuthenticationOptions
        {
            ServerCertificateContext = SslStreamCertificateContext.Create(options.Certificate, options.Intermediates, offline: true),
            EnabledSslProtocols = options.Protocols,
            ApplicationProtocols = Alpn(options.ApplicationProtocols),
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            ClientCertificateRequired = false,
        };
        try
        {
            await stream.AuthenticateAsServerAsync(authentication, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            throw Failed(e, recorder, peer is null ? "TLS handshake with a client failed" : $"TLS handshake with client {Endpoints.Format(peer)} failed", host: null);
        }
        var chain = stream.RemoteCertificate is { } theirs ? [TlsCertificateInfo.From(theirs as X509Certificate2 ?? new X509Certificate2(theirs))] : Array.Empty<TlsCertificateInfo>();
        return (stream, new TlsSession
        {
            TargetHost = stream.TargetHostName,
            RemoteEndPoint = peer,
            Protocol = stream.SslProtocol,
            CipherSuite = stream.NegotiatedCipherSuite.ToString(),
            ApplicationProtocol = AlpnName(stream),
            Chain = chain,
        });
    }

    private static TlsSession Session(SslStream stream, string target, EndPoint? peer, TrustCheck check) => new()
    {
        TargetHost = target,
        RemoteEndPoint = peer,
        Protocol = stream.SslProtocol,
        CipherSuite = stream.NegotiatedCipherSuite.ToString(),
        ApplicationProtocol = AlpnName(stream),
        Chain = check.Chain,
        Verdict = check.Verdict,
        VerdictReason = check.Reason,
    };

    private static string? AlpnName(SslStream stream) =>
        stream.NegotiatedApplicationProtocol.Protocol.IsEmpty ? null : stream.NegotiatedApplicationProtocol.ToString();

    private static List<SslApplicationProtocol>? Alpn(IReadOnlyList<string> protocols) =>
        protocols.Count == 0 ? null : protocols.Select(p => new SslApplicationProtocol(p)).ToList();

    // Why the handshake failed, in the words of the deepest exception (OpenSSL's), and what the peer said instead when it was not TLS.
    private static SockitException Failed(Exception e, FirstBytesStream recorder, string what, string? host)
    {
        if (SocketErrorIn(e) is { } socketError)
        {
            var kind = SocketErrors.Kind(socketError.SocketErrorCode);
            return new ConnectionException(kind, kind == SockitFailure.Reset ? $"{what}: the peer reset the connection" : $"{what}: {socketError.Message}", socketError);
        }
        var first = recorder.First;
        if (first.StartsWith("HTTP/"u8))
        {
            return new TlsException(SockitFailure.Protocol, $"{what}: the peer answered in plain HTTP ('{System.Text.Encoding.ASCII.GetString(first).TrimEnd()}...'); it looks like a plain-HTTP server, not TLS", e)
            {
                Host = host,
                PeerSpokeHttp = true,
            };
        }
        if (first.Length > 0 && first[0] is < 0x14 or > 0x18)
        {
            var text = new string(System.Text.Encoding.ASCII.GetString(first).Select(c => c is >= ' ' and <= '~' ? c : '.').ToArray());
            return new TlsException(SockitFailure.Protocol, $"{what}: the peer does not speak TLS (it answered '{text}')", e) { Host = host };
        }
        if (first.Length == 0 && e is IOException && e.InnerException is null)
        {
            return new TlsException(SockitFailure.Protocol, $"{what}: the peer closed the connection during the handshake (does it speak TLS on this port?)", e) { Host = host };
        }
        var reason = e;
        while (reason.InnerException is not null)
        {
            reason = reason.InnerException;
        }
        return new TlsException(SockitFailure.Protocol, $"{what}: {reason.Message.TrimEnd('.')}", e) { Host = host };
    }

    private static SocketException? SocketErrorIn(Exception e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socketError)
            {
                return socketError;
            }
        }
        return null;
    }

    private static string Describe(string target, EndPoint? peer) => peer switch
    {
        null => target,
        IPEndPoint ip when ip.Address.ToString() == target => Endpoints.Format(peer),
        _ => $"{target} ({Endpoints.Format(peer)})",
    };
}
