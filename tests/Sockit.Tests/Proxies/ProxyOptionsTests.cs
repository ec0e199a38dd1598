using Sockit.Proxies;

namespace Sockit.Tests.Proxies;

/// <summary>Proxy URLs as curl spells them, read by <see cref="ProxyOptions.TryParse"/>.</summary>
public sealed class ProxyOptionsTests
{
    [Theory]
    [InlineData("socks5://127.0.0.1:1080", ProxyKind.Socks5, "127.0.0.1", 1080, null, null)]
    [InlineData("SOCKS5H://localhost:1080/", ProxyKind.Socks5Hostname, "localhost", 1080, null, null)]
    [InlineData("http://[::1]:8888", ProxyKind.HttpConnect, "::1", 8888, null, null)]
    [InlineData("socks5://alice:p%40ss@127.0.0.1:1", ProxyKind.Socks5, "127.0.0.1", 1, "alice", "p@ss")]
    [InlineData("http://bob@proxy.test:3128", ProxyKind.HttpConnect, "proxy.test", 3128, "bob", "")]
    public void Valid(string url, ProxyKind kind, string host, int port, string? user, string? password)
    {
        Assert.True(ProxyOptions.TryParse(url, out var proxy, out var error), error);
        Assert.Equal(new ProxyOptions(kind, host, port) { UserName = user, Password = password }, proxy);
    }

    [Theory]
    [InlineData("socks4://127.0.0.1:1080", "scheme 'socks4' is not a proxy scheme: give socks5://, socks5h:// or http://")]
    [InlineData("https://127.0.0.1:443", "scheme 'https' is not a proxy scheme: give socks5://, socks5h:// or http://")]
    [InlineData("socks5://127.0.0.1", "give a host and a port: scheme://host:port (a proxy has no default port)")]
    [InlineData("socks5://:1080", "give a host and a port: scheme://host:port (a proxy has no default port)")]
    [InlineData("socks5://127.0.0.1:0", "port '0' is not a port number: 1-65535")]
    [InlineData("socks5://127.0.0.1:+80", "port '+80' is not a port number: 1-65535")]
    [InlineData("http://127.0.0.1:80/path", "a proxy URL has no path, query or fragment: give scheme://host:port")]
    [InlineData("socks5://:pw@127.0.0.1:1080", "the username before '@' is empty")]
    public void Invalid(string url, string expected)
    {
        Assert.False(ProxyOptions.TryParse(url, out var proxy, out var error));
        Assert.Null(proxy);
        Assert.Equal(expected, error);
    }

    [Fact]
    public void ToString_NeverShowsThePassword() =>
        Assert.Equal("socks5h://alice@[::1]:1080", new ProxyOptions(ProxyKind.Socks5Hostname, "::1", 1080) { UserName = "alice", Password = "secret" }.ToString());
}
