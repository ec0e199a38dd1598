using Sockit.Cli.Failures;
using Sockit.Tls;

namespace Sockit.Cli.Tests.Failures;

/// <summary>What to try for each TLS verdict, and for a plain-HTTP server on a TLS port, per command.</summary>
public sealed class TlsAdviceTests
{
    [Theory]
    [InlineData(TlsVerdict.Expired, "get", "the server's certificate needs renewing; --insecure to go on without the check")]
    [InlineData(TlsVerdict.UnknownIssuer, "connect", "give the issuing CA's certificate with --cacert FILE; --insecure to go on without the check")]
    [InlineData(TlsVerdict.NameMismatch, "get", "check the host name: 'sockit tls HOST:PORT' lists the names the certificate holds; --insecure to go on without the check")]
    [InlineData(TlsVerdict.SelfSigned, "get", "trust it with --cacert FILE holding the certificate itself ('sockit tls HOST:PORT --pem' writes it); --insecure to go on without the check")]
    public void Untrusted_AdvisesByVerdict(TlsVerdict verdict, string command, string advice)
    {
        var e = new TlsException(SockitFailure.Untrusted, "TLS certificate of localhost is not trusted: ...") { Verdict = verdict, Host = "localhost" };
        Assert.Equal(advice, FailureAdvice.For(e, new FailureContext(command)));
    }

    [Fact]
    public void PlainHttpServer_Get_AdvisesAnHttpUrl()
    {
        var e = new TlsException(SockitFailure.Protocol, "TLS handshake with 127.0.0.1:80 failed: the peer answered in plain HTTP") { PeerSpokeHttp = true };
        Assert.Equal("use an http:// URL for this port, or the server's https port", FailureAdvice.For(e, new FailureContext("get")));
        Assert.Equal("drop --tls for this port, or use the server's TLS port", FailureAdvice.For(e, new FailureContext("connect")));
    }
}
