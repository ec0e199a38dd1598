using System.Text.Json;
using Sockit.Testing;
using Sockit.Testing.Http;
using Sockit.Testing.Tls;

namespace Sockit.Cli.Tests.Tls;

/// <summary><c>sockit get https://</c> against nginx serving the tests' certificates, with curl and openssl as the oracles.</summary>
public sealed class GetHttpsTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static TestCertificates Certs => TestCertificates.Shared;

    private static async Task<NginxServer> StartAsync(string certificate)
    {
        var nginx = await NginxServer.StartAsync(Certs.Cert(certificate), Certs.Key(certificate));
        await File.WriteAllTextAsync(Path.Combine(nginx.Root, "cats.txt"), "meow over TLS\n", Token);
        return nginx;
    }

    private static Task<ProcessResult> CurlAsync(params string[] args) =>
        ProcessRunner.RunAsync(Peers.Require("curl"), ["--silent", "--show-error", .. args], timeout: TimeSpan.FromSeconds(30));

    [Fact]
    public async Task Get_Https_WithTheCa_PrintsTheBodyAsCurlDoes()
    {
        await using var nginx = await StartAsync("leaf");
        var url = nginx.HttpsUrl("/cats.txt").ToString();
        var curl = await CurlAsync("--cacert", Certs.CaPath, url);
        Assert.Equal(0, curl.ExitCode);
        var result = await Cli.RunAsync("get", "--cacert", Certs.CaPath, url);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(curl.Stdout, result.Stdout);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Get_Https_ByAddress_MatchesTheIpAddressName()
    {
        await using var nginx = await StartAsync("leaf");
        var url = nginx.HttpsUrl("/cats.txt", host: "127.0.0.1").ToString();
        var result = await Cli.RunAsync("get", "--cacert", Certs.CaPath, url);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("meow over TLS\n", result.Stdout);
    }

    [Theory]
    [InlineData("leaf", false, "is not a trusted certificate authority")]
    [InlineData("expired", true, "expired on")]
    [InlineData("wrongname", true, "the certificate is for other.invalid, not localhost")]
    [InlineData("selfsigned", false, "self-signed")]
    public async Task Get_Https_Untrusted_Exits77WithTheReason(string certificate, bool withCa, string reason)
    {
        await using var nginx = await StartAsync(certificate);
        var url = nginx.HttpsUrl("/cats.txt").ToString();
        string[] trust = withCa ? ["--cacert", Certs.CaPath] : [];
        // curl refuses the same certificate: 60 is its "peer certificate cannot be authenticated".
        var curl = await CurlAsync([.. trust, url]);
        Assert.Equal(60, curl.ExitCode);
        var result = await Cli.RunAsync(["get", .. trust, url]);
        Assert.Equal(77, result.ExitCode);
        Assert.Empty(result.StdoutBytes);
        Assert.Matches(@"^sockit: TLS certificate of localhost is not trusted: [^\n]+ \([^\n]+\)\n$", result.Stderr);
        Assert.Contains(reason, result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Https_Insecure_GoesOnAndVerboseSaysWhy()
    {
        await using var nginx = await StartAsync("selfsigned");
        var url = nginx.HttpsUrl("/cats.txt").ToString();
        var curl = await CurlAsync("--insecure", url);
        Assert.Equal(0, curl.ExitCode);
        var result = await Cli.RunAsync("get", "--insecure", "-v", url);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(curl.Stdout, result.Stdout);
        Assert.Contains("* certificate NOT trusted: it is self-signed", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Https_Verbose_ShowsTheHandshakeAsOpensslSeesIt()
    {
        await using var nginx = await StartAsync("leaf");
        // openssl s_client -brief names the protocol and cipher suite the server settles on with a modern client.
        var openssl = await ProcessRunner.RunAsync(Peers.Require("openssl"),
            ["s_client", "-brief", "-connect", $"127.0.0.1:{nginx.Port}", "-servername", "localhost", "-CAfile", Certs.CaPath], stdin: [], timeout: TimeSpan.FromSeconds(30));
        var protocol = Line(openssl.Stderr, "Protocol version: ");
        var cipher = Line(openssl.Stderr, "Ciphersuite: ");
        var fingerprint = (await ProcessRunner.RunAsync(Peers.Require("openssl"), ["x509", "-noout", "-fingerprint", "-sha256", "-in", Certs.Cert("leaf")])).Stdout.Trim();

        var result = await Cli.RunAsync("get", "-v", "--cacert", Certs.CaPath, nginx.HttpsUrl("/cats.txt").ToString());
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"* TLS: {protocol}, cipher {cipher}, ALPN http/1.1\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("* server certificate: subject CN=localhost\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("*   issuer CN=sockit test CA, O=sockit tests\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("*   names DNS:localhost, IP:127.0.0.1\n", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("* certificate verified for localhost\n", result.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("sha256 Fingerprint=", fingerprint, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Get_Https_Json_HasTheTlsObject()
    {
        await using var nginx = await StartAsync("leaf");
        var result = await Cli.RunAsync("--format", "json", "get", "--cacert", Certs.CaPath, nginx.HttpsUrl("/cats.txt").ToString());
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var tls = json.RootElement.GetProperty("tls");
        Assert.StartsWith("TLSv1.", tls.GetProperty("protocol").GetString(), StringComparison.Ordinal);
        Assert.Equal("http/1.1", tls.GetProperty("alpn").GetString());
        Assert.Equal("trusted", tls.GetProperty("verdict").GetString());
        Assert.False(tls.TryGetProperty("reason", out _));
    }

    [Fact]
    public async Task Get_Https_ToAPlainHttpServer_Exits76SayingSo()
    {
        await using var nginx = await NginxServer.StartAsync();
        var result = await Cli.RunAsync("get", $"https://127.0.0.1:{nginx.Port}/");
        Assert.Equal(76, result.ExitCode);
        Assert.Matches(@"^sockit: [^\n]+\n$", result.Stderr);
        Assert.Contains("looks like a plain-HTTP server", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("use an http:// URL", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Https_Untrusted_Json_IsTheUntrustedKind()
    {
        await using var nginx = await StartAsync("selfsigned");
        var result = await Cli.RunAsync("--format", "json", "get", nginx.HttpsUrl("/cats.txt").ToString());
        Assert.Equal(77, result.ExitCode);
        using var error = JsonDocument.Parse(result.Stderr);
        Assert.Equal("untrusted", error.RootElement.GetProperty("error").GetString());
        Assert.Equal(77, error.RootElement.GetProperty("exit").GetInt32());
    }

    [Fact]
    public async Task Get_Https_TlsMin13_AgainstA12OnlyServer_Exits76()
    {
        var openssl = Peers.Require("openssl");
        var port = FreePorts.Get();
        using var server = ProcessRunner.Start(openssl, ["s_server", "-accept", $"127.0.0.1:{port}", "-cert", Certs.Cert("leaf"), "-key", Certs.Key("leaf"), "-tls1_2", "-www", "-quiet"]);
        try
        {
            await Listening.WaitAsync(port, server);
            var ok = await Cli.RunAsync("get", "--cacert", Certs.CaPath, $"https://localhost:{port}/");
            Assert.Equal(0, ok.ExitCode);
            var result = await Cli.RunAsync("get", "--tls-min", "1.3", "--cacert", Certs.CaPath, $"https://localhost:{port}/");
            Assert.Equal(76, result.ExitCode);
            Assert.Matches(@"^sockit: TLS handshake with localhost \(127\.0\.0\.1:\d+\) failed: [^\n]+\n$", result.Stderr);
        }
        finally
        {
            server.Kill();
        }
    }

    [Fact]
    public async Task Get_Http_WithTlsOptions_Exits64()
    {
        var result = await Cli.RunAsync("get", "--insecure", "http://127.0.0.1:9/");
        Assert.Equal(64, result.ExitCode);
        Assert.Matches(@"^sockit: [^\n]+\n$", result.Stderr);
    }

    [Fact]
    public async Task Get_Https_MissingCaFile_Exits66()
    {
        var result = await Cli.RunAsync("get", "--cacert", "/nonexistent/ca.pem", "https://127.0.0.1:9/");
        Assert.Equal(66, result.ExitCode);
        Assert.Equal("sockit: --cacert /nonexistent/ca.pem: no such file (check the path)\n", result.Stderr);
    }

    private static string Line(string text, string prefix) =>
        text.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
}
