using System.Security.Cryptography.X509Certificates;
using Sockit.Connections;
using Sockit.Servers;
using Sockit.Testing;
using Sockit.Testing.Tls;
using Sockit.Tls;

namespace Sockit.Tests.Tls;

/// <summary>The library's TLS against python3's ssl module (client and server) and openssl as the oracles.</summary>
public sealed class TlsLibraryTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TestCertificates Certs => TestCertificates.Shared;

    private static TlsClientOptions TrustTheTestCa => new() { TrustedRoots = TlsCertificates.LoadPemBundle(Certs.CaPath) };

    private static string Py(string path) => "'" + path.Replace("'", "\\'", StringComparison.Ordinal) + "'";

    [Fact]
    public async Task EchoServer_WithTls_PythonClientVerifiesItAndIsEchoed()
    {
        var certificate = TlsCertificates.LoadWithKey(Certs.Cert("leaf"), Certs.Key("leaf"));
        await using var server = EchoServer.Start(new ListenerOptions { Tls = new TlsServerOptions(certificate) });
        var printed = await Python.RunAsync($$"""
            import socket, ssl
            ctx = ssl.create_default_context(cafile={{Py(Certs.CaPath)}})
            with socket.create_connection(('127.0.0.1', {{server.Port}})) as raw:
                with ctx.wrap_socket(raw, server_hostname='localhost') as s:
                    s.sendall(b'ping over tls')
                    print(s.recv(100).decode(), s.version())
            """);
        Assert.Equal("ping over tls TLSv1.3\n", printed);
    }

    [Fact]
    public async Task Connector_Tls_ToPythonServer_SessionIsWhatPythonNegotiated()
    {
        var script = $$"""
            import socket, ssl, sys
            srv = socket.socket(); srv.bind(('127.0.0.1', 0)); srv.listen(1)
            print('port', srv.getsockname()[1], file=sys.stderr, flush=True)
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.load_cert_chain({{Py(Certs.Cert("leaf"))}}, {{Py(Certs.Key("leaf"))}})
            ctx.set_alpn_protocols(['http/1.1'])
            conn, _ = srv.accept()
            s = ctx.wrap_socket(conn, server_side=True)
            s.sendall(('%s %s %s' % (s.version(), s.cipher()[0], s.selected_alpn_protocol())).encode())
            s.unwrap(); conn.close()
            """;
        var python = ProcessRunner.Start(Peers.Require("python3"), ["-u", "-c", script]);
        try
        {
            var line = await python.StandardError.ReadLineAsync(Ct);
            var port = int.Parse(line!.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture);
            await using var connection = await Connector.ConnectAsync("localhost", port,
                new ConnectOptions { Tls = TrustTheTestCa with { ApplicationProtocols = ["http/1.1"] } }, Ct);
            var told = System.Text.Encoding.ASCII.GetString(await connection.ReceiveToEndAsync(Ct));
            var session = connection.Tls!;
            Assert.Equal(told, $"{session.ProtocolName} {session.CipherSuite} {session.ApplicationProtocol}");
            Assert.Equal(TlsVerdict.Trusted, session.Verdict);
            Assert.Equal("localhost", session.TargetHost);
        }
        finally
        {
            python.Kill();
        }
    }

    [Fact]
    public async Task Connector_Tls_ExpiredCertificate_TlsExceptionWithTheVerdictAndChain()
    {
        var certificate = TlsCertificates.LoadWithKey(Certs.Cert("expired"), Certs.Key("expired"));
        await using var server = EchoServer.Start(new ListenerOptions { Tls = new TlsServerOptions(certificate) });
        var e = await Assert.ThrowsAsync<TlsException>(async () =>
            await Connector.ConnectAsync("localhost", server.Port, new ConnectOptions { Tls = TrustTheTestCa }, Ct));
        Assert.Equal(SockitFailure.Untrusted, e.Failure);
        Assert.Equal(TlsVerdict.Expired, e.Verdict);
        Assert.Equal("localhost", e.Host);
        Assert.Equal("CN=localhost", e.Session!.Chain[0].Subject);
        Assert.StartsWith("TLS certificate of localhost is not trusted: the certificate expired on ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TlsInspector_WrongName_ReturnsTheVerdictInsteadOfThrowing()
    {
        var certificate = TlsCertificates.LoadWithKey(Certs.Cert("wrongname"), Certs.Key("wrongname"));
        await using var server = EchoServer.Start(new ListenerOptions { Tls = new TlsServerOptions(certificate) });
        var session = await TlsInspector.InspectAsync("127.0.0.1", server.Port, TrustTheTestCa, cancellationToken: Ct);
        Assert.Equal(TlsVerdict.NameMismatch, session.Verdict);
        Assert.Equal("the certificate is for other.invalid, not 127.0.0.1", session.VerdictReason);
        Assert.Equal(["other.invalid"], session.Chain[0].DnsNames);
        Assert.Equal("CN=sockit test CA, O=sockit tests", session.Chain[^1].Subject);
    }

    [Fact]
    public async Task CertificateInfo_MatchesOpensslX509()
    {
        using var certificate = X509CertificateLoader.LoadCertificateFromFile(Certs.Cert("leaf"));
        var info = TlsCertificateInfo.From(certificate);
        var openssl = await ProcessRunner.RunAsync(Peers.Require("openssl"), ["x509", "-noout", "-fingerprint", "-sha256", "-serial", "-in", Certs.Cert("leaf")]);
        var lines = openssl.Stdout.Split('\n');
        Assert.Equal(lines[0].Split('=')[1], info.Sha256Fingerprint);
        Assert.Equal(lines[1].Split('=')[1], info.SerialNumber);
        Assert.Equal("RSA", info.KeyAlgorithm);
        Assert.Equal(2048, info.KeySize);
        Assert.Equal(["localhost"], info.DnsNames);
        Assert.Equal(["127.0.0.1"], info.IPAddresses);
    }

    [Fact]
    public async Task SelfSigned_CreatedCertificate_IsTrustedWhenPinned()
    {
        using var certificate = TlsCertificates.CreateSelfSigned(["localhost", "127.0.0.1"], TimeSpan.FromDays(1));
        await using var server = EchoServer.Start(new ListenerOptions { Tls = new TlsServerOptions(certificate) });
        var pinned = new TlsClientOptions { TrustedRoots = [X509CertificateLoader.LoadCertificate(certificate.RawData)] };
        var trusted = await TlsInspector.InspectAsync("127.0.0.1", server.Port, pinned, cancellationToken: Ct);
        Assert.Equal(TlsVerdict.Trusted, trusted.Verdict);
        var untrusted = await TlsInspector.InspectAsync("127.0.0.1", server.Port, cancellationToken: Ct);
        Assert.Equal(TlsVerdict.SelfSigned, untrusted.Verdict);
    }
}
