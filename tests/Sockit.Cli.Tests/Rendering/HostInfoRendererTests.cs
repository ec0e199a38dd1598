using System.Net;
using Sockit.Cli.Rendering;
using Sockit.Naming;

namespace Sockit.Cli.Tests.Renderers;

/// <summary>The host command's renderer on hand-built results: exact text, JSON and Python.</summary>
public sealed class HostInfoRendererTests
{
    private static readonly HostInfo s_alpha = new("alpha", IPAddress.Parse("127.0.0.10"), null, "alpha.sockit.test",
    [
        new InterfaceInfo(1, "lo", true, [IPAddress.Loopback, IPAddress.IPv6Loopback]),
        new InterfaceInfo(12, "eth0", false, []),
    ]);

    private static readonly HostInfo s_unlisted = new("unlisted", null, "cannot resolve 'unlisted': Name or service not known", "unlisted", []);

    [Fact]
    public void Text_NameAddressFqdnAndOneLineAnInterface()
    {
        var rendered = Rendered.Text(new HostInfoRenderer(), s_alpha);
        Assert.Equal(
            "host name  alpha\n" +
            "address    127.0.0.10\n" +
            "fqdn       alpha.sockit.test\n" +
            "interfaces\n" +
            "    1 lo           up   127.0.0.1 ::1\n" +
            "   12 eth0         down (no addresses)\n",
            rendered.Stdout);
        Assert.Equal("", rendered.Stderr);
    }

    [Fact]
    public void Text_NoAddress_SaysWhy()
    {
        Assert.Equal(
            "host name  unlisted\n" +
            "address    (none: cannot resolve 'unlisted': Name or service not known)\n" +
            "fqdn       unlisted\n" +
            "interfaces\n",
            Rendered.Text(new HostInfoRenderer(), s_unlisted).Stdout);
    }

    [Fact]
    public void Json_VersionFirstAndEveryInterface()
    {
        Assert.Equal("""
            {
              "version": 1,
              "hostName": "alpha",
              "address": "127.0.0.10",
              "fullyQualifiedName": "alpha.sockit.test",
              "interfaces": [
                {
                  "index": 1,
                  "name": "lo",
                  "up": true,
                  "addresses": [
                    "127.0.0.1",
                    "::1"
                  ]
                },
                {
                  "index": 12,
                  "name": "eth0",
                  "up": false,
                  "addresses": []
                }
              ]
            }

            """, Rendered.Json(new HostInfoRenderer(), s_alpha));
    }

    [Fact]
    public void Json_NoAddress_HasTheErrorInstead()
    {
        Assert.Equal("""
            {
              "version": 1,
              "hostName": "unlisted",
              "addressError": "cannot resolve 'unlisted': Name or service not known",
              "fullyQualifiedName": "unlisted",
              "interfaces": []
            }

            """, Rendered.Json(new HostInfoRenderer(), s_unlisted));
    }

    [Fact]
    public void Python_FourCallsFourLines()
    {
        Assert.Equal("'alpha'\n'127.0.0.10'\n'alpha.sockit.test'\n[(1, 'lo'), (12, 'eth0')]\n", Rendered.Python(new HostInfoRenderer(), s_alpha));
        Assert.Equal("'unlisted'\nNone\n'unlisted'\n[]\n", Rendered.Python(new HostInfoRenderer(), s_unlisted));
    }
}
