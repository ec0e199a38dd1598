using System.Text;
using System.Text.RegularExpressions;
using Sockit.Cli.Tests.Netcat;
using Sockit.Testing;
using Sockit.Testing.Http;
using Sockit.Testing.Tls;
using static Sockit.Cli.Tests.Forward.ForwardProcess;

namespace Sockit.Cli.Tests.Forward;

/// <summary>sockit forward terminating TLS (curl and openssl as clients) and originating it (nginx and python3's ssl as targets).</summary>
public sealed partial class ForwardTlsTests
{
    private const string Page = "<p>forwarded over TLS</p>\n";

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    private static TestCertificates Certs => TestCertificates.Shared;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TlsListen_WithCertAndKey_CurlTrustingTheCa_GetsThePlainNginxPage()
    {
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "index.html"), Page, Token);
        var (forward, port) = await StartAsync("--tls-listen", "--cert", Certs.Cert("leaf"), "--key", Certs.Key("leaf"), "0", $"127.0.0.1:{P(nginx.Port)}");
        await using (forward)
        {
            var curl = await ProcessRunner.RunAsync(Peers.Require("curl"), ["-s", "--fail", "--cacert", Certs.CaPath, $"https://localhost:{P(port)}/index.html"], null, s_timeout);
            Assert.True(curl.ExitCode == 0, $"curl exit {curl.ExitCode}: {curl.Stderr}");
            Assert.Equal(Page, curl.Stdout);
        }
    }

    [Fact]
    public async Task TlsListen_SelfSigned_FingerprintIsWhatOpensslSees_AndCurlInsecureGetsThePage()
    {
        await using var nginx = await NginxServer.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "index.html"), Page, Token);
        var (forward, port) = await StartAsync("--tls-listen", "0", $"127.0.0.1:{P(nginx.Port)}");
        await using (forward)
        {
            var line = await forward.WaitForStderrAsync("SHA-256 fingerprint ");
            var printed = FingerprintPattern().Match(line).Groups[1].Value;
            var openssl = Peers.Require("openssl");
            var shown = await ProcessRunner.RunAsync(openssl, ["s_client", "-connect", $"127.0.0.1:{P(port)}"], stdin: [], timeout: s_timeout);
            var pem = PemPattern().Match(shown.Stdout).Value;
            var fingerprint = await ProcessRunner.RunAsync(openssl, ["x509", "-noout", "-fingerprint", "-sha256"], stdin: Encoding.ASCII.GetBytes(pem), timeout: s_timeout);
            Assert.Equal(fingerprint.Stdout.Trim().Split('=')[1], printed);
            var curl = await ProcessRunner.RunAsync(Peers.Require("curl"), ["-s", "--fail", "-k", $"https://127.0.0.1:{P(port)}/index.html"], null, s_timeout);
            Assert.True(curl.ExitCode == 0, $"curl exit {curl.ExitCode}: {curl.Stderr}");
            Assert.Equal(Page, curl.Stdout);
        }
    }

    [Fact]
    public async Task TlsTarget_ToNginxHttps_PlainCurlGetsThePage()
    {
        await using var nginx = await NginxServer.StartAsync(Certs.Cert("leaf"), Certs.Key("leaf"));
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "index.html"), Page, Token);
        var (forward, port) = await StartAsync("0", $"localhost:{P(nginx.Port)}", "--tls-target", "--cacert", Certs.CaPath, "-v");
        await using (forward)
        {
            var curl = await ProcessRunner.RunAsync(Peers.Require("curl"), ["-s", "--fail", $"http://127.0.0.1:{P(port)}/index.html"], null, s_timeout);
            Assert.True(curl.ExitCode == 0, $"curl exit {curl.ExitCode}: {curl.Stderr}; forward: {forward.Stderr}");
            Assert.Equal(Page, curl.Stdout);
            Assert.Contains($"forwarding to localhost:{P(nginx.Port)} (tcp, TLS)", forward.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task TlsTarget_HalfClose_IsCloseNotify_AndThePythonTargetStillAnswers()
    {
        var script = PythonPeer.TlsCloseNotifyServer(Certs.Cert("leaf"), Certs.Key("leaf"));
        var (server, targetPort) = await PythonPeer.StartServerAsync(script);
        await using (server)
        {
            var (forward, port) = await StartAsync("0", $"localhost:{P(targetPort)}", "--tls-target", "--cacert", Certs.CaPath);
            await using (forward)
            {
                var output = await PythonAsync($$"""
                    import socket, time
                    s = socket.create_connection(('127.0.0.1', {{P(port)}}))
                    time.sleep(0.5)
                    s.sendall(b'hello over tls')
                    s.shutdown(socket.SHUT_WR)
                    answer = b''
                    while True:
                        chunk = s.recv(65536)
                        if not chunk:
                            break
                        answer += chunk
                    print(answer.decode())
                    """);
                Assert.Equal("close_notify after 14 bytes: hello over tls\n", output);
                var (exitCode, _, stderr) = await server.WaitAsync(s_timeout);
                Assert.True(exitCode == 0, stderr);
            }
        }
    }

    [Fact]
    public async Task TlsTarget_Untrusted_ClosesTheClient_WithTheReasonAndWhatToTry()
    {
        await using var nginx = await NginxServer.StartAsync(Certs.Cert("leaf"), Certs.Key("leaf"));
        var (forward, port) = await StartAsync("0", $"localhost:{P(nginx.Port)}", "--tls-target");
        await using (forward)
        {
            var curl = await ProcessRunner.RunAsync(Peers.Require("curl"), ["-s", $"http://127.0.0.1:{P(port)}/"], null, s_timeout);
            // The client is closed without a byte: curl's 52 (empty reply) after a FIN, or its 56 when the kernel turned the
            // close into a reset because curl's request was still unread (as with socat and ncat).
            Assert.Contains(curl.ExitCode, new[] { 52, 56 });
            Assert.Equal("", curl.Stdout);
            var line = await forward.WaitForStderrAsync("client closed");
            Assert.Matches($@"^127\.0\.0\.1:\d+ -> localhost:{nginx.Port}: TLS certificate of localhost is not trusted: [^\n]+\(give the issuing CA's certificate with --cacert FILE; --insecure to go on without the check\); client closed$", line);
        }
    }

    [GeneratedRegex(@"SHA-256 fingerprint ([0-9A-F:]+)")]
    private static partial Regex FingerprintPattern();

    [GeneratedRegex(@"-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----")]
    private static partial Regex PemPattern();
}
