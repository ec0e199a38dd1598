using Sockit.Http;

namespace Sockit.Tests.Http;

/// <summary>HttpRedirectFollower.Next: RFC 9110 section 15.4's rules for the method, content and fields of the next request.</summary>
public sealed class HttpRedirectRulesTests
{
    private static readonly Uri s_from = new("http://a.test/form?x=1");

    private static HttpResponseHead Head(int status, string? location) =>
        new(new HttpStatusLine(new Version(1, 1), status, "R"), location is null ? [] : [new("Location", location)]);

    private static HttpWireRequest Post(string method = "POST") => new(s_from, method)
    {
        Body = "k=v"u8.ToArray(),
        Headers = [new("Content-Type", "application/x-www-form-urlencoded"), new("Authorization", "Bearer t"), new("X-Keep", "1")],
    };

    [Theory]
    [InlineData(301, "POST", "GET")]
    [InlineData(302, "POST", "GET")]
    [InlineData(303, "POST", "GET")]
    [InlineData(303, "PUT", "GET")]
    [InlineData(303, "HEAD", "HEAD")]
    [InlineData(301, "PUT", "PUT")]
    [InlineData(302, "DELETE", "DELETE")]
    [InlineData(307, "POST", "POST")]
    [InlineData(308, "PATCH", "PATCH")]
    public void Next_MethodAndContent_FollowTheStatus(int status, string method, string expected)
    {
        var next = HttpRedirectFollower.Next(Post(method), Head(status, "/done"))!;
        Assert.Equal(expected, next.Method);
        Assert.Equal(new Uri("http://a.test/done"), next.Url);
        var keepsContent = expected == method;
        Assert.Equal(keepsContent, next.Body is not null);
        Assert.Equal(keepsContent, next.Headers.Any(f => f.Name == "Content-Type"));
        Assert.Contains(next.Headers, f => f.Name == "Authorization");
    }

    [Theory]
    [InlineData(200)]
    [InlineData(300)]
    [InlineData(304)]
    [InlineData(305)]
    public void Next_NotAFollowedStatus_IsNull(int status) =>
        Assert.Null(HttpRedirectFollower.Next(Post(), Head(status, "/elsewhere")));

    [Fact]
    public void Next_NoLocation_IsNull() => Assert.Null(HttpRedirectFollower.Next(Post(), Head(302, null)));

    [Fact]
    public void Next_AnotherOrigin_DropsAuthorizationAndCookie()
    {
        var next = HttpRedirectFollower.Next(Post(), Head(307, "http://b.test:81/x"))!;
        Assert.Equal(["Content-Type", "X-Keep"], next.Headers.Select(f => f.Name));
        Assert.Equal("b.test:81", next.Url.Authority);
    }

    [Fact]
    public void Next_RelativeLocation_IsResolvedAgainstTheRequest()
    {
        var next = HttpRedirectFollower.Next(new HttpWireRequest(new Uri("http://a.test/dir/page")), Head(302, "other?y=2"))!;
        Assert.Equal(new Uri("http://a.test/dir/other?y=2"), next.Url);
    }

    [Fact]
    public void Next_UnsupportedScheme_ThrowsAProtocolFailure()
    {
        var e = Assert.Throws<HttpRedirectException>(() => HttpRedirectFollower.Next(Post(), Head(301, "ftp://a.test/file")));
        Assert.Equal(SockitFailure.Protocol, e.Failure);
        Assert.Equal("ftp://a.test/file", e.Location);
    }
}
