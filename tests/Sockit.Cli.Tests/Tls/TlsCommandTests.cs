using System.Text.Json;
using Sockit.Cli.Commands;
using Sockit.Cli.Tests.Netcat;
using Sockit.Testing;
using Sockit.Testing.Tls;

namespace Sockit.Cli.Tests.Tls;

/// <summary><c>sockit tls</c> against openssl s_server with each of the tests' certificates; <c>openssl verify</c> and <c>openssl x509</c> are the oracles.</summary>
public sealed class TlsCommandTests
{
    private static TestCertificates Certs => TestCertificates.Shared;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData("leaf", "ca", "trusted")]
    [InlineData("leaf", null, "unknown-issuer")]
    [InlineData("expired", "ca", "expired")]
    [InlineData("wrongname", "ca", "name-mismatch")]
    [InlineData("selfsigned", null, "self-signed")]
    [InlineData("selfsigned", "selfsigned", "trusted")]
    public async Task Tls_EachCertificate_HasTheVerdictOpensslVerifyGives(string certificate, string? trust, string expected)
    {
        var trustFile = trust switch { "ca" => Certs.CaPath, null => null, _ => Certs.Cert(trust) };
        Assert.Equal(expected, await OpensslVerdictAsync(certificate, trustFile));

        await using var server = await StartServerAsync(certificate);
        string[] cacert = trustFile is null ? [] : ["--cacert", trustFile];
        var result = await Cli.RunAsync(["--format", "json", "tls", .. cacert, $"localhost:{server.Port}"], [], Token);
        Assert.Equal(expected == "trusted" ? 0 : 77, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("version").GetInt32());
        Assert.Equal(expected, root.GetProperty("verdict").GetString());
        Assert.Equal(expected == "trusted", root.GetProperty("trusted").GetBoolean());
        Assert.Equal("localhost", root.GetProperty("serverName").GetString());
        Assert.Equal(await FingerprintAsync(Certs.Cert(certificate)), root.GetProperty("chain")[0].GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Tls_Text_ShowsProtocolCipherChainAndVerdict()
    {
        await using var server = await StartServerAsync("leaf");
        var openssl = await ProcessRunner.RunAsync(Peers.Require("openssl"),
            ["s_client", "-brief", "-connect", $"127.0.0.1:{server.Port}", "-servername", "localhost", "-CAfile", Certs.CaPath], stdin: [], timeout: s_timeout);
        var result = await Cli.RunAsync(["tls", "--cacert", Certs.CaPath, $"localhost:{server.Port}"], [], Token);
        Assert.Equal(0, result.ExitCode);
        var lines = result.Stdout.Split('\n');
        Assert.Equal($"server     localhost:{server.Port} (127.0.0.1:{server.Port})", lines[0]);
        Assert.Equal("sni        localhost", lines[1]);
        Assert.Equal($"protocol   {Line(openssl.Stderr, "Protocol version: ")}", lines[2]);
        Assert.Equal($"cipher     {Line(openssl.Stderr, "Ciphersuite: ")}", lines[3]);
        Assert.Equal("verdict    trusted", lines[5]);
        Assert.Equal("  0 subject  CN=localhost", lines[7]);
        Assert.Equal("    issuer   CN=sockit test CA, O=sockit tests", lines[8]);
        Assert.Matches(@"^    valid    \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC to \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(8[89] days left\)$", lines[9]);
        Assert.Equal("    names    DNS:localhost, IP:127.0.0.1", lines[10]);
        Assert.Equal("    key      RSA 2048 bits", lines[11]);
        Assert.Equal($"    sha256   {await FingerprintAsync(Certs.Cert("leaf"))}", lines[12]);
        Assert.Equal("  1 subject  CN=sockit test CA, O=sockit tests", lines[13]);
        Assert.Equal("", result.Stderr);
    }

    [Fact]
    public async Task Tls_Pem_WritesTheCertificateOpensslReadsBack()
    {
        await using var server = await StartServerAsync("selfsigned");
        var result = await Cli.RunAsync(["tls", "--pem", $"127.0.0.1:{server.Port}"], [], Token);
        Assert.Equal(77, result.ExitCode);
        Assert.Matches(@"^sockit: the TLS certificate of 127\.0\.0\.1 is not trusted: it is self-signed[^\n]+\n$", result.Stderr);
        var fingerprint = await ProcessRunner.RunAsync(Peers.Require("openssl"), ["x509", "-noout", "-fingerprint", "-sha256"], stdin: result.StdoutBytes, timeout: s_timeout);
        Assert.Equal(await FingerprintAsync(Certs.Cert("selfsigned")), fingerprint.Stdout.Trim().Split('=')[1]);
        // What --pem writes is what --cacert takes: the certificate trusted that way is trusted.
        var pemFile = Path.Combine(Certs.Directory, $"pinned-{Guid.NewGuid():N}.pem");
        await File.WriteAllBytesAsync(pemFile, result.StdoutBytes, Token);
        var pinned = await Cli.RunAsync(["tls", "--cacert", pemFile, $"127.0.0.1:{server.Port}"], [], Token);
        Assert.Equal(0, pinned.ExitCode);
    }

    [Fact]
    public async Task Tls_PlainHttpServer_Exits76()
    {
        var (server, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + """
            conn, _ = srv.accept()
            conn.recv(4096)
            conn.sendall(b'HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n')
            conn.close()
            """);
        await using (server)
        {
            var result = await Cli.RunAsync(["tls", $"127.0.0.1:{port}"], [], Token);
            Assert.Equal(76, result.ExitCode);
            Assert.Matches(@"^sockit: TLS handshake with 127\.0\.0\.1:\d+ failed: the peer answered in plain HTTP [^\n]+\n$", result.Stderr);
        }
    }

    [Fact]
    public async Task Tls_Refused_Exits69()
    {
        var result = await Cli.RunAsync(["tls", $"127.0.0.1:{FreePorts.Get()}"], [], Token);
        Assert.Equal(69, result.ExitCode);
    }

    [Fact]
    public async Task Tls_PythonFormat_IsAUsageError()
    {
        var result = await Cli.RunAsync(["--format", "python", "tls", "127.0.0.1:9"], [], Token);
        Assert.Equal(64, result.ExitCode);
        Assert.Equal("sockit: sockit tls has no python format (Python's ssl module has no one call that shows this): use --format json\n", result.Stderr);
    }

    [Theory]
    [InlineData("localhost", "localhost", 443)]
    [InlineData("localhost:8443", "localhost", 8443)]
    [InlineData("localhost:https", "localhost", 443)]
    [InlineData("[::1]:8443", "::1", 8443)]
    [InlineData("[::1]", "::1", 443)]
    [InlineData("::1", "::1", 443)]
    public void HostAndPort_ReadsTheForms(string text, string host, int port) =>
        Assert.Equal((host, port), TlsCommand.HostAndPort(text));

    private static async Task<OpensslServer> StartServerAsync(string certificate)
    {
        var port = FreePorts.Get();
        var server = BackgroundProcess.Start(Peers.Require("openssl"), "s_server", "-www", "-accept", $"127.0.0.1:{port}", "-cert", Certs.Cert(certificate), "-key", Certs.Key(certificate));
        await Listening.WaitAsync(port);
        return new OpensslServer(server, port);
    }

    private sealed record OpensslServer(BackgroundProcess Process, int Port) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Process.DisposeAsync();
    }

    // openssl verify's error numbers, as X509_V_ERR_*: 10 expired, 18 self-signed, 20 unknown issuer, 62 hostname mismatch.
    private static async Task<string> OpensslVerdictAsync(string certificate, string? trustFile)
    {
        string[] trust = trustFile is null ? [] : ["-CAfile", trustFile];
        var verify = await ProcessRunner.RunAsync(Peers.Require("openssl"), ["verify", .. trust, "-verify_hostname", "localhost", Certs.Cert(certificate)], timeout: s_timeout);
        var text = verify.Stdout + verify.Stderr;
        return verify.ExitCode == 0 ? "trusted"
            : text.Contains("error 10 ", StringComparison.Ordinal) ? "expired"
            : text.Contains("error 18 ", StringComparison.Ordinal) ? "self-signed"
            : text.Contains("error 20 ", StringComparison.Ordinal) ? "unknown-issuer"
            : text.Contains("error 62 ", StringComparison.Ordinal) ? "name-mismatch"
            : text;
    }

    private static async Task<string> FingerprintAsync(string certificateFile)
    {
        var result = await ProcessRunner.RunAsync(Peers.Require("openssl"), ["x509", "-noout", "-fingerprint", "-sha256", "-in", certificateFile], timeout: s_timeout);
        return result.Stdout.Trim().Split('=')[1];
    }

    private static string Line(string text, string prefix) =>
        text.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
}
