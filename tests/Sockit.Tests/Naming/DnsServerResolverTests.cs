using System.Net;
using System.Net.Sockets;
using Sockit.Naming;
using Sockit.Testing;

namespace Sockit.Tests.Naming;

/// <summary><see cref="DnsServerResolver"/> against dnsmasq on loopback, with a CNAME chain.</summary>
public sealed class DnsServerResolverTests
{
    [Fact]
    public async Task QueryAsync_CnameChain_AliasesAreTheChainAndNameItsEnd()
    {
        await using var server = await Dnsmasq.StartAsync(TestContext.Current.CancellationToken);
        var answer = await DnsServerResolver.QueryAsync("www.sockit.test", server.EndPoint, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("target.sockit.test", answer.Entry.Name);
        Assert.Equal(["www.sockit.test", "web.sockit.test"], answer.Entry.Aliases);
        Assert.Equal([Dnsmasq.TargetV4], answer.Entry.Addresses);
        Assert.Equal(
            ["www.sockit.test. CNAME web.sockit.test.", "web.sockit.test. CNAME target.sockit.test.", "target.sockit.test. A 127.0.0.42"],
            answer.Records.Select(r => $"{r.Name} {r.Type} {r.Data}"));
        Assert.Equal(server.EndPoint, answer.Server);
    }

    [Fact]
    public async Task QueryAsync_BothFamilies_GivesIPv4ThenIPv6()
    {
        await using var server = await Dnsmasq.StartAsync(TestContext.Current.CancellationToken);
        var answer = await DnsServerResolver.QueryAsync("web.sockit.test", server.EndPoint, new DnsServerQueryOptions { Family = AddressFamily.Unspecified },
            TestContext.Current.CancellationToken);

        Assert.Equal(["web.sockit.test"], answer.Entry.Aliases);
        Assert.Equal([Dnsmasq.TargetV4, Dnsmasq.TargetV6], answer.Entry.Addresses);
    }

    [Fact]
    public async Task QueryAsync_NameWithoutCname_HasNoAliases()
    {
        await using var server = await Dnsmasq.StartAsync(TestContext.Current.CancellationToken);
        var answer = await DnsServerResolver.QueryAsync("plain.sockit.test", server.EndPoint, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("plain.sockit.test", answer.Entry.Name);
        Assert.Empty(answer.Entry.Aliases);
        Assert.Equal([IPAddress.Parse("127.0.0.43")], answer.Entry.Addresses);
    }

    [Fact]
    public async Task QueryAsync_UnknownName_NotFound()
    {
        await using var server = await Dnsmasq.StartAsync(TestContext.Current.CancellationToken);
        var e = await Assert.ThrowsAsync<LookupException>(() =>
            DnsServerResolver.QueryAsync("nope.sockit.test", server.EndPoint, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Equal(SockitFailure.NotFound, e.Failure);
        Assert.Contains("NXDOMAIN", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QueryAsync_ServerNeverAnswers_TimesOut()
    {
        using var silent = new SilentUdpServer();
        var e = await Assert.ThrowsAsync<LookupException>(() => DnsServerResolver.QueryAsync("www.sockit.test", silent.EndPoint,
            new DnsServerQueryOptions { Timeout = TimeSpan.FromMilliseconds(300) }, TestContext.Current.CancellationToken));
        Assert.Equal(SockitFailure.TimedOut, e.Failure);
        Assert.Equal(SocketError.TimedOut, Assert.IsType<SocketException>(e.InnerException).SocketErrorCode);
    }
}
