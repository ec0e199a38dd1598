using Sockit.Cli.Rendering;
using Sockit.Sockets;

namespace Sockit.Cli.Tests.Renderers;

/// <summary>The constants command's renderer on a hand-built list: exact text, JSON and Python.</summary>
public sealed class SocketConstantsRendererTests
{
    private static readonly IReadOnlyList<SocketConstant> s_constants =
        [new("AF_INET", 2), new("SOCK_DGRAM", 2), new("IPPROTO_ICMPV6", 58)];

    [Fact]
    public void Text_NamePaddedThenNumber()
    {
        Assert.Equal(
            new Rendered("AF_INET            2\nSOCK_DGRAM         2\nIPPROTO_ICMPV6     58\n", ""),
            Rendered.Text(new SocketConstantsRenderer(), s_constants));
    }

    [Fact]
    public void Json_AnObjectWithVersionAndEntries()
    {
        Assert.Equal("""
            {
              "version": 1,
              "entries": [
                {
                  "name": "AF_INET",
                  "value": 2
                },
                {
                  "name": "SOCK_DGRAM",
                  "value": 2
                },
                {
                  "name": "IPPROTO_ICMPV6",
                  "value": 58
                }
              ]
            }

            """, Rendered.Json(new SocketConstantsRenderer(), s_constants));
    }

    [Fact]
    public void Python_TheDictOfNamesToNumbers()
    {
        Assert.Equal("{'AF_INET': 2, 'SOCK_DGRAM': 2, 'IPPROTO_ICMPV6': 58}\n", Rendered.Python(new SocketConstantsRenderer(), s_constants));
        Assert.Equal("{}\n", Rendered.Python(new SocketConstantsRenderer(), []));
    }
}
