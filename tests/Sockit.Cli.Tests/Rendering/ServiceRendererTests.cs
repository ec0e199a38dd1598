using Sockit.Cli.Rendering;
using Sockit.Services;

namespace Sockit.Cli.Tests.Renderers;

/// <summary>The service command's renderers on hand-built results: exact text, JSON and Python.</summary>
public sealed class ServiceRendererTests
{
    private static readonly ServiceEntry s_http = new("http", 80, "tcp", ["www"]);

    [Fact]
    public void Lookup_Text_IsTheGetentLine()
    {
        var rendered = Rendered.Text(new ServiceLookupRenderer(), new ServiceLookup(s_http, new ServicesSource("/etc/services"), ByPort: false));
        Assert.Equal("http                  80/tcp www\n", rendered.Stdout);
        Assert.Equal("", rendered.Stderr);
    }

    [Fact]
    public void Lookup_TextWithoutAliases_HasNoTrailingSpace()
    {
        var rendered = Rendered.Text(new ServiceLookupRenderer(), new ServiceLookup(new ServiceEntry("ssh", 22, "tcp", []), new ServicesSource("/etc/services"), ByPort: true));
        Assert.Equal("ssh                   22/tcp\n", rendered.Stdout);
    }

    [Fact]
    public void Lookup_Json_VersionFirstThenTheEntryAndSource()
    {
        var json = Rendered.Json(new ServiceLookupRenderer(), new ServiceLookup(s_http, new ServicesSource("/etc/services"), ByPort: false));
        Assert.Equal("""
            {
              "version": 1,
              "name": "http",
              "port": 80,
              "protocol": "tcp",
              "aliases": [
                "www"
              ],
              "source": "/etc/services"
            }

            """, json);
    }

    [Fact]
    public void Lookup_Python_ByNameIsThePortByPortTheName()
    {
        Assert.Equal("80\n", Rendered.Python(new ServiceLookupRenderer(), new ServiceLookup(s_http, ServicesSource.Embedded, ByPort: false)));
        Assert.Equal("'http'\n", Rendered.Python(new ServiceLookupRenderer(), new ServiceLookup(s_http, ServicesSource.Embedded, ByPort: true)));
    }

    private static readonly ServiceListing s_listing = new(ServicesSource.Embedded, "udp",
        [new ServiceEntry("domain", 53, "udp", []), new ServiceEntry("ntp", 123, "udp", ["time'"])]);

    [Fact]
    public void Listing_Text_EntriesOnStdoutSourceOnStderr()
    {
        var rendered = Rendered.Text(new ServiceListingRenderer(), s_listing);
        Assert.Equal("domain                53/udp\nntp                   123/udp time'\n", rendered.Stdout);
        Assert.Equal("# source: embedded copy (2 entries for udp)\n", rendered.Stderr);
    }

    [Fact]
    public void Listing_TextOfEveryProtocol_SaysNoProtocol()
    {
        var rendered = Rendered.Text(new ServiceListingRenderer(), s_listing with { Source = new ServicesSource("/tmp/services"), Protocol = null });
        Assert.Equal("# source: /tmp/services (2 entries)\n", rendered.Stderr);
    }

    [Fact]
    public void Listing_Json_VersionSourceEmbeddedAndEntriesWithoutSource()
    {
        Assert.Equal("""
            {
              "version": 1,
              "source": "embedded copy",
              "embedded": true,
              "entries": [
                {
                  "name": "domain",
                  "port": 53,
                  "protocol": "udp",
                  "aliases": []
                },
                {
                  "name": "ntp",
                  "port": 123,
                  "protocol": "udp",
                  "aliases": [
                    "time'"
                  ]
                }
              ]
            }

            """, Rendered.Json(new ServiceListingRenderer(), s_listing));
    }

    [Fact]
    public void Listing_Python_IsTheListOfTuples()
    {
        Assert.Equal("""[('domain', 53, 'udp', []), ('ntp', 123, 'udp', ["time'"])]""" + "\n", Rendered.Python(new ServiceListingRenderer(), s_listing));
    }
}
