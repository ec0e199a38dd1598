using System.Net;
using Sockit.Cli.Rendering;
using Sockit.Http;

namespace Sockit.Cli.Tests.Renderers;

/// <summary>get -w's template and values over hand-built records, against hand-written text.</summary>
public sealed class WriteOutRendererTests
{
    private static HttpRedirectResult Result(int redirects = 0) => new()
    {
        Request = new HttpWireRequest(new Uri("http://a.test:8080/last"), "PUT"),
        Redirected = Enumerable.Range(0, redirects).Select(i => new Uri($"http://a.test:8080/{i}")).ToList(),
        RedirectTime = TimeSpan.FromMilliseconds(redirects * 100),
        Response = new HttpWireResponse
        {
            Head = new HttpResponseHead(new HttpStatusLine(new Version(1, 0), 404, "Not Found"), [new("Content-Type", "text/html")]),
            BodyLength = 1234,
            RemoteEndPoint = new IPEndPoint(IPAddress.IPv6Loopback, 8080),
            Timings = new HttpTimings
            {
                NameLookup = TimeSpan.FromMilliseconds(1.5),
                Connect = TimeSpan.FromMilliseconds(2),
                FirstByte = TimeSpan.FromMilliseconds(10.25),
                Total = TimeSpan.FromMilliseconds(12),
            },
        },
    };

    [Fact]
    public void Render_EveryRequiredVariable_AsCurlFormatsIt()
    {
        var template = WriteOutTemplate.Parse("%{http_code} %{time_namelookup} %{time_connect} %{time_appconnect} %{time_starttransfer} %{time_total} %{size_download} %{remote_ip} %{remote_port}\\n");
        Assert.Equal("404 0.001500 0.002000 0.000000 0.010250 0.012000 1234 ::1 8080\n", template.Render(new WriteOutVariables(Result())));
    }

    [Fact]
    public void Render_AfterRedirects_TimesCountFromTheFirstRequest()
    {
        var template = WriteOutTemplate.Parse("%{num_redirects} %{time_redirect} %{time_connect} %{time_total} %{url_effective} %{method} %{http_version} %{content_type}");
        Assert.Equal("2 0.200000 0.202000 0.212000 http://a.test:8080/last PUT 1.0 text/html", template.Render(new WriteOutVariables(Result(2))));
    }

    [Theory]
    [InlineData("100%%", "100%")]
    [InlineData("a\\tb\\rc\\n", "a\tb\rc\n")]
    [InlineData("\\x\\\\n", "\\x\\\\n")]
    [InlineData("%{unclosed", "%{unclosed")]
    [InlineData("%x", "%x")]
    [InlineData("", "")]
    public void Render_LiteralsAndEscapes_AsCurlReadsThem(string format, string expected) =>
        Assert.Equal(expected, WriteOutTemplate.Parse(format).Render(new WriteOutVariables(Result())));
}
