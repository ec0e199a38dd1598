using System.Net;
using System.Net.Sockets;
using Sockit.Cli.Rendering;
using Sockit.Naming;

namespace Sockit.Cli.Tests.Renderers;

/// <summary>The resolve command's renderers, one per mode, on hand-built results: exact text, JSON and Python.</summary>
public sealed class ResolveRendererTests
{
    [Fact]
    public void Address_AllFormats()
    {
        var result = new ResolvedAddress("localhost", IPAddress.Loopback);
        Assert.Equal(new Rendered("127.0.0.1\n", ""), Rendered.Text(new ResolvedAddressRenderer(), result));
        Assert.Equal("'127.0.0.1'\n", Rendered.Python(new ResolvedAddressRenderer(), result));
        Assert.Equal("""
            {
              "version": 1,
              "name": "localhost",
              "address": "127.0.0.1"
            }

            """, Rendered.Json(new ResolvedAddressRenderer(), result));
    }

    private static readonly HostEntryLookup s_ex = new(
        new HostEntry("alpha.sockit.test", ["alpha", "a-alias"], [IPAddress.Parse("127.0.0.10"), IPAddress.Parse("127.0.0.11")]), "gethostbyname_ex");

    [Fact]
    public void HostEntry_Text_ThreeLinesAndTheCallOnStderr()
    {
        Assert.Equal(
            new Rendered("name       alpha.sockit.test\naliases    alpha a-alias\naddresses  127.0.0.10 127.0.0.11\n", "# gethostbyname_ex, from the OS resolver\n"),
            Rendered.Text(new HostEntryLookupRenderer(), s_ex));
        var reverse = new HostEntryLookup(new HostEntry("localhost", [], [IPAddress.Loopback]), "gethostbyaddr");
        Assert.Equal(
            new Rendered("name       localhost\naliases    (none)\naddresses  127.0.0.1\n", "# gethostbyaddr, from the OS resolver\n"),
            Rendered.Text(new HostEntryLookupRenderer(), reverse));
    }

    [Fact]
    public void HostEntry_JsonAndPython()
    {
        Assert.Equal("""
            {
              "version": 1,
              "name": "alpha.sockit.test",
              "aliases": [
                "alpha",
                "a-alias"
              ],
              "addresses": [
                "127.0.0.10",
                "127.0.0.11"
              ]
            }

            """, Rendered.Json(new HostEntryLookupRenderer(), s_ex));
        Assert.Equal("('alpha.sockit.test', ['alpha', 'a-alias'], ['127.0.0.10', '127.0.0.11'])\n", Rendered.Python(new HostEntryLookupRenderer(), s_ex));
    }

    private static readonly IReadOnlyList<AddressInfo> s_addrInfo =
    [
        new AddressInfo(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp, "localhost", new IPEndPoint(IPAddress.Loopback, 80)),
        new AddressInfo(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp, "", new IPEndPoint(IPAddress.Parse("fe80::1%3"), 53)) { FlowInfo = 5 },
        new AddressInfo(AddressFamily.InterNetwork, SocketType.Raw, ProtocolType.Unspecified, "", new IPEndPoint(IPAddress.Parse("127.0.0.2"), 0)),
    ];

    [Fact]
    public void AddrInfo_Text_OneAlignedLineAnEntry()
    {
        Assert.Equal(
            new Rendered(
                "AF_INET   SOCK_STREAM    tcp   127.0.0.1:80  canonical name localhost\n" +
                "AF_INET6  SOCK_DGRAM     udp   [fe80::1%3]:53\n" +
                "AF_INET   SOCK_RAW       0     127.0.0.2:0\n",
                ""),
            Rendered.Text(new AddressInfoRenderer(), s_addrInfo));
    }

    [Fact]
    public void AddrInfo_Json_AnObjectWithVersionAndEntries_FlowInfoAndScopeForIPv6Only()
    {
        Assert.Equal("""
            {
              "version": 1,
              "entries": [
                {
                  "family": "AF_INET",
                  "familyNumber": 2,
                  "type": "SOCK_STREAM",
                  "typeNumber": 1,
                  "protocol": 6,
                  "canonicalName": "localhost",
                  "address": "127.0.0.1",
                  "port": 80
                },
                {
                  "family": "AF_INET6",
                  "familyNumber": 10,
                  "type": "SOCK_DGRAM",
                  "typeNumber": 2,
                  "protocol": 17,
                  "canonicalName": "",
                  "address": "fe80::1",
                  "port": 53,
                  "flowInfo": 5,
                  "scopeId": 3
                },
                {
                  "family": "AF_INET",
                  "familyNumber": 2,
                  "type": "SOCK_RAW",
                  "typeNumber": 3,
                  "protocol": 0,
                  "canonicalName": "",
                  "address": "127.0.0.2",
                  "port": 0
                }
              ]
            }

            """, Rendered.Json(new AddressInfoRenderer(), s_addrInfo));
    }

    [Fact]
    public void AddrInfo_JsonOfNoEntries_IsAnEmptyList()
    {
        Assert.Equal("""
            {
              "version": 1,
              "entries": []
            }

            """, Rendered.Json(new AddressInfoRenderer(), []));
    }

    [Fact]
    public void AddrInfo_Python_TheListOfFiveTuples()
    {
        Assert.Equal(
            "[(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_STREAM: 1>, 6, 'localhost', ('127.0.0.1', 80)), " +
            "(<AddressFamily.AF_INET6: 10>, <SocketKind.SOCK_DGRAM: 2>, 17, '', ('fe80::1', 53, 5, 3)), " +
            "(<AddressFamily.AF_INET: 2>, <SocketKind.SOCK_RAW: 3>, 0, '', ('127.0.0.2', 0))]\n",
            Rendered.Python(new AddressInfoRenderer(), s_addrInfo));
    }

    private static readonly DnsAnswer s_answer = new(
        new IPEndPoint(IPAddress.Loopback, 5353),
        "www.sockit.test",
        new HostEntry("target.sockit.test", ["www.sockit.test"], [IPAddress.Parse("127.0.0.42")]),
        [new DnsRecord("www.sockit.test.", "CNAME", 300, "target.sockit.test."), new DnsRecord("target.sockit.test.", "A", 42, "127.0.0.42")]);

    [Fact]
    public void DnsAnswer_Text_RecordsThenTheEntry_ServerOnStderr()
    {
        Assert.Equal(
            new Rendered(
                "www.sockit.test.                  300 IN CNAME  target.sockit.test.\n" +
                "target.sockit.test.                42 IN A      127.0.0.42\n" +
                "name       target.sockit.test\n" +
                "aliases    www.sockit.test\n" +
                "addresses  127.0.0.42\n",
                "# answer from 127.0.0.1:5353\n"),
            Rendered.Text(new DnsAnswerRenderer(), s_answer));
    }

    [Fact]
    public void DnsAnswer_JsonAndPython()
    {
        Assert.Equal("""
            {
              "version": 1,
              "server": "127.0.0.1:5353",
              "query": "www.sockit.test",
              "name": "target.sockit.test",
              "aliases": [
                "www.sockit.test"
              ],
              "addresses": [
                "127.0.0.42"
              ],
              "records": [
                {
                  "name": "www.sockit.test.",
                  "type": "CNAME",
                  "ttl": 300,
                  "data": "target.sockit.test."
                },
                {
                  "name": "target.sockit.test.",
                  "type": "A",
                  "ttl": 42,
                  "data": "127.0.0.42"
                }
              ]
            }

            """, Rendered.Json(new DnsAnswerRenderer(), s_answer));
        Assert.Equal("('target.sockit.test', ['www.sockit.test'], ['127.0.0.42'])\n", Rendered.Python(new DnsAnswerRenderer(), s_answer));
    }
}
