using Sockit.Cli.Tests.Netcat;
using Sockit.Testing;
using Sockit.Testing.Tls;

namespace Sockit.Cli.Tests.Tls;

/// <summary><c>--cert/--key</c>: a client certificate, presented to openssl s_server that requires one (<c>-Verify</c>), with curl as the reference client.</summary>
public sealed class ClientCertificateTests
{
    private static TestCertificates Certs => TestCertificates.Shared;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Get_ClientCertificate_IsAcceptedByAServerThatRequiresOne()
    {
        var port = FreePorts.Get();
        await using var server = BackgroundProcess.Start(Peers.Require("openssl"), "s_server", "-www", "-Verify", "1", "-CAfile", Certs.CaPath,
            "-accept", $"127.0.0.1:{port}", "-cert", Certs.Cert("leaf"), "-key", Certs.Key("leaf"));
        await Listening.WaitAsync(port);
        var url = $"https://localhost:{port}/";
        var curl = await ProcessRunner.RunAsync(Peers.Require("curl"), ["--silent", "--cacert", Certs.CaPath, "--cert", Certs.Cert("client"), "--key", Certs.Key("client"), url],
            timeout: TimeSpan.FromSeconds(30));
        Assert.Equal(0, curl.ExitCode);
        var curlWithout = await ProcessRunner.RunAsync(Peers.Require("curl"), ["--silent", "--cacert", Certs.CaPath, url], timeout: TimeSpan.FromSeconds(30));
        Assert.NotEqual(0, curlWithout.ExitCode);

        var result = await Cli.RunAsync(["get", "--cacert", Certs.CaPath, "--cert", Certs.Cert("client"), "--key", Certs.Key("client"), url], [], Token);
        Assert.Equal(0, result.ExitCode);
        // s_server -www describes the session, the client's certificate among it.
        Assert.Contains("CN=sockit test client", result.Stdout.Replace(" = ", "=", StringComparison.Ordinal), StringComparison.Ordinal);

        var without = await Cli.RunAsync(["get", "--cacert", Certs.CaPath, url], [], Token);
        Assert.Equal(76, without.ExitCode);
        Assert.Matches(@"^sockit: TLS failed [^\n]+certificate required\n$", without.Stderr);
    }

    [Fact]
    public async Task Get_KeyWithoutCert_Exits64()
    {
        var result = await Cli.RunAsync(["get", "--key", Certs.Key("client"), "https://127.0.0.1:9/"], [], Token);
        Assert.Equal(64, result.ExitCode);
    }

    [Fact]
    public async Task Get_CertWithoutItsKey_Exits66()
    {
        var result = await Cli.RunAsync(["get", "--cert", Certs.Cert("client"), "https://127.0.0.1:9/"], [], Token);
        Assert.Equal(66, result.ExitCode);
        Assert.Matches(@"^sockit: --cert [^\n]+: cannot read a certificate and its private key from it [^\n]+--key FILE\)\n$", result.Stderr);
    }
}
