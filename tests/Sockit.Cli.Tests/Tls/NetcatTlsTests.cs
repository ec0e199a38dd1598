using System.Text;
using System.Text.RegularExpressions;
using Sockit.Cli.Tests.Netcat;
using Sockit.Testing;
using Sockit.Testing.Tls;

namespace Sockit.Cli.Tests.Tls;

/// <summary><c>connect --tls</c> and <c>listen --tls</c> against python3's ssl module, openssl, socat, ncat and curl on loopback.</summary>
public sealed partial class NetcatTlsTests
{
    private static TestCertificates Certs => TestCertificates.Shared;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Connect_Tls_HalfClose_IsCloseNotifyThenTheServerStillAnswers()
    {
        var script = PythonPeer.TlsCloseNotifyServer(Certs.Cert("leaf"), Certs.Key("leaf"));
        var (server, port) = await PythonPeer.StartServerAsync(script);
        await using (server)
        {
            // stdin ends a moment after the handshake, as typed input does: by then the server's TLS 1.3 session tickets
            // are read and OpenSSL lets the client send close_notify (see Connection.SendCloseNotifyAsync).
            await using var client = BackgroundProcess.Sockit("connect", "--tls", "--cacert", Certs.CaPath, "localhost", $"{port}");
            await Task.Delay(500, Token);
            await client.WriteStdinAsync("hello over tls", close: true);
            var result = await client.WaitAsync(s_timeout);
            Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
            Assert.Equal("close_notify after 14 bytes: hello over tls", Encoding.UTF8.GetString(result.Stdout));
            Assert.Equal("", result.Stderr);
            var (exitCode, _, stderr) = await server.WaitAsync(s_timeout);
            Assert.True(exitCode == 0, stderr);
        }
    }

    [Fact]
    public async Task Connect_Tls_ToOpensslServer_Rev_ReversesTheLine()
    {
        var port = FreePorts.Get();
        await using var server = BackgroundProcess.Start(Peers.Require("openssl"), "s_server", "-rev", "-naccept", "1", "-accept", $"127.0.0.1:{port}",
            "-cert", Certs.Cert("leaf"), "-key", Certs.Key("leaf"));
        await Listening.WaitAsync(port);
        var result = await Cli.RunAsync(["connect", "--tls", "--cacert", Certs.CaPath, "127.0.0.1", $"{port}"], Encoding.UTF8.GetBytes("stressed\n"), Token);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        Assert.Equal("desserts\n", result.Stdout);
    }

    [Fact]
    public async Task Connect_Tls_ToSocatOpensslListen_HalfCloseLetsTheCommandFinish()
    {
        var port = FreePorts.Get();
        await using var server = BackgroundProcess.Start(Peers.Require("socat"),
            $"OPENSSL-LISTEN:{port},bind=127.0.0.1,reuseaddr,cert={Certs.Cert("leaf")},key={Certs.Key("leaf")},verify=0", "SYSTEM:tr a-z A-Z");
        await Listening.WaitAsync(port);
        var result = await Cli.RunAsync(["connect", "--tls", "--cacert", Certs.CaPath, "localhost", $"{port}"], Encoding.UTF8.GetBytes("shout this\n"), Token);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        Assert.Equal("SHOUT THIS\n", result.Stdout);
    }

    [Fact]
    public async Task Connect_Tls_Untrusted_Exits77_AndInsecureGoesOnWithAWarning()
    {
        var port = FreePorts.Get();
        await using var server = BackgroundProcess.Start(Peers.Require("openssl"), "s_server", "-rev", "-naccept", "2", "-accept", $"127.0.0.1:{port}",
            "-cert", Certs.Cert("selfsigned"), "-key", Certs.Key("selfsigned"));
        await Listening.WaitAsync(port);
        var refused = await Cli.RunAsync(["connect", "--tls", "localhost", $"{port}"], Encoding.UTF8.GetBytes("abc\n"), Token);
        Assert.Equal(77, refused.ExitCode);
        Assert.Matches(@"^sockit: TLS certificate of localhost is not trusted: it is self-signed [^\n]+--cacert FILE[^\n]+--insecure[^\n]+\n$", refused.Stderr);
        var insecure = await Cli.RunAsync(["connect", "--tls", "--insecure", "localhost", $"{port}"], Encoding.UTF8.GetBytes("abc\n"), Token);
        Assert.True(insecure.ExitCode == 0, $"exit {insecure.ExitCode}: {insecure.Stderr}");
        Assert.Equal("cba\n", insecure.Stdout);
        Assert.StartsWith("sockit: warning: the TLS certificate of localhost is not trusted: it is self-signed", insecure.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_Tls_ToAPlainServer_Exits76()
    {
        var (server, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + """
            conn, _ = srv.accept()
            conn.recv(4096)
            conn.sendall(b'HTTP/1.1 400 Bad Request\r\n\r\n')
            conn.close()
            """);
        await using (server)
        {
            var result = await Cli.RunAsync(["connect", "--tls", "127.0.0.1", $"{port}"], [], Token);
            Assert.Equal(76, result.ExitCode);
            Assert.Matches(@"^sockit: TLS handshake with 127\.0\.0\.1:\d+ failed: the peer answered in plain HTTP [^\n]+looks like a plain-HTTP server[^\n]+\(drop --tls[^\n]+\)\n$", result.Stderr);
        }
    }

    [Fact]
    public async Task Listen_Tls_SelfSigned_FingerprintIsWhatOpensslSees()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("--tls", "--reply", "hi", "-k", "0");
        await using (listen)
        {
            var line = await listen.WaitForStderrAsync("SHA-256 fingerprint ");
            var printed = FingerprintPattern().Match(line).Groups[1].Value;
            var openssl = Peers.Require("openssl");
            var shown = await ProcessRunner.RunAsync(openssl, ["s_client", "-connect", $"127.0.0.1:{port}"], stdin: [], timeout: s_timeout);
            var pem = PemPattern().Match(shown.Stdout).Value;
            var fingerprint = await ProcessRunner.RunAsync(openssl, ["x509", "-noout", "-fingerprint", "-sha256"], stdin: Encoding.ASCII.GetBytes(pem), timeout: s_timeout);
            Assert.Equal(fingerprint.Stdout.Trim().Split('=')[1], printed);
            Assert.Contains("TLS with a self-signed certificate CN=localhost (localhost, 127.0.0.1, ::1)", line, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Listen_Tls_WithCertAndKey_CurlVerifiesIt()
    {
        var reply = "HTTP/1.1 200 OK\r\nContent-Length: 9\r\nConnection: close\r\n\r\nover tls\n";
        var (listen, port) = await BackgroundProcess.SockitListenAsync("--tls", "--cert", Certs.Cert("leaf"), "--key", Certs.Key("leaf"), "--reply", reply, "-k", "0");
        await using (listen)
        {
            var curl = await ProcessRunner.RunAsync(Peers.Require("curl"), ["--silent", "--show-error", "--cacert", Certs.CaPath, $"https://localhost:{port}/"], timeout: s_timeout);
            Assert.True(curl.ExitCode == 0, curl.Stderr);
            Assert.Equal("over tls\n", curl.Stdout);
        }
    }

    [Fact]
    public async Task Listen_Tls_NcatSslClient_VerifiesAndIsEchoed()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("--tls", "--cert", Certs.Cert("leaf"), "--key", Certs.Key("leaf"), "--echo", "-k", "0");
        await using (listen)
        {
            var ncat = await ProcessRunner.RunAsync(Peers.Require("ncat"),
                ["--ssl", "--ssl-verify", "--ssl-trustfile", Certs.CaPath, "localhost", $"{port}"], stdin: Encoding.UTF8.GetBytes("ping\n"), timeout: s_timeout);
            Assert.True(ncat.ExitCode == 0, ncat.Stderr);
            Assert.Equal("ping\n", ncat.Stdout);
        }
    }

    [Fact]
    public async Task Listen_Tls_SocatOpensslClient_IsAnswered()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("--tls", "--cert", Certs.Cert("leaf"), "--key", Certs.Key("leaf"), "--echo", "-k", "0");
        await using (listen)
        {
            var socat = await ProcessRunner.RunAsync(Peers.Require("socat"),
                ["-t", "2", "-", $"OPENSSL:localhost:{port},cafile={Certs.CaPath}"], stdin: Encoding.UTF8.GetBytes("via socat\n"), timeout: s_timeout);
            Assert.True(socat.ExitCode == 0, socat.Stderr);
            Assert.Equal("via socat\n", socat.Stdout);
        }
    }

    [Fact]
    public async Task Connect_Tls_ToNcatSslServer_Works()
    {
        var port = FreePorts.Get();
        await using var server = BackgroundProcess.Start(Peers.Require("ncat"), "--ssl", "--ssl-cert", Certs.Cert("leaf"), "--ssl-key", Certs.Key("leaf"),
            "-l", "127.0.0.1", $"{port}", "--sh-exec", "head -n 1 | tr a-z A-Z");
        await Listening.WaitAsync(port);
        // ncat ends the whole connection at the client's close_notify, before its command answers: no half-close here, ncat closes once head is done.
        var result = await Cli.RunAsync(["connect", "--tls", "--no-shutdown", "--cacert", Certs.CaPath, "localhost", $"{port}"], Encoding.UTF8.GetBytes("quiet\n"), Token);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {result.Stderr}");
        Assert.Equal("QUIET\n", result.Stdout);
    }

    [Fact]
    public async Task Listen_Tls_UnixSocket_SockitToSockit()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sockit-tls-{Guid.NewGuid():N}.sock");
        await using var listen = BackgroundProcess.Sockit("listen", "-U", path, "--tls", "--cert", Certs.Cert("leaf"), "--key", Certs.Key("leaf"), "--echo");
        await listen.WaitForStderrAsync("listening on ");
        var result = await Cli.RunProcessAsync(["connect", "-U", path, "--tls", "--cacert", Certs.CaPath, "--send", "over unix and tls"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("over unix and tls", result.Stdout);
    }

    [Fact]
    public async Task Listen_Tls_PlainClient_IsReportedAndTheServerGoesOn()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("--tls", "--echo", "-k", "0");
        await using (listen)
        {
            var plain = await Cli.RunAsync(["connect", "127.0.0.1", $"{port}", "--send", "GET / HTTP/1.0\r\n\r\n"]);
            Assert.True(plain.ExitCode == 0, $"exit {plain.ExitCode}: {plain.Stderr}");
            await listen.WaitForStderrAsync("does not speak TLS");
            var secure = await Cli.RunAsync(["connect", "--tls", "--insecure", "127.0.0.1", $"{port}", "--send", "still here"]);
            Assert.True(secure.ExitCode == 0, $"exit {secure.ExitCode}: {secure.Stderr}");
            Assert.Equal("still here", secure.Stdout);
        }
    }

    [Theory]
    [InlineData("connect", "--cacert", "x", "127.0.0.1", "9")]
    [InlineData("connect", "--tls", "-u", "127.0.0.1", "9")]
    [InlineData("listen", "--cert", "x", "0")]
    [InlineData("listen", "--tls", "-u", "0")]
    public async Task TlsOptions_WithoutTlsOrWithUdp_Exit64(params string[] args)
    {
        var result = await Cli.RunAsync(args);
        Assert.Equal(64, result.ExitCode);
        Assert.Matches(@"^sockit: [^\n]+\n$", result.Stderr);
    }

    private static string Py(string path) => PythonPeer.Quote(path);

    [GeneratedRegex(@"SHA-256 fingerprint ([0-9A-F:]+)")]
    private static partial Regex FingerprintPattern();

    [GeneratedRegex(@"-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n")]
    private static partial Regex PemPattern();
}
