using Sockit.Services;

namespace Sockit.Tests.Services;

public sealed class ServicesFileParserTests
{
    [Fact]
    public void TryParseLine_NameAndPort_ReadsBoth()
    {
        Assert.True(ServicesFileParser.TryParseLine("ssh\t\t22/tcp\t\t\t\t# SSH Remote Login Protocol", out var entry));
        Assert.Equal("ssh", entry.Name);
        Assert.Equal(22, entry.Port);
        Assert.Equal("tcp", entry.Protocol);
        Assert.Empty(entry.Aliases);
    }

    [Fact]
    public void TryParseLine_Aliases_KeepFileOrder()
    {
        Assert.True(ServicesFileParser.TryParseLine("chargen 19/udp ttytst source", out var entry));
        Assert.Equal(["ttytst", "source"], entry.Aliases);
    }

    [Fact]
    public void TryParseLine_CommentTouchingAlias_EndsTheAliases()
    {
        Assert.True(ServicesFileParser.TryParseLine("http 80/tcp www#World Wide Web", out var entry));
        Assert.Equal(["www"], entry.Aliases);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \t ")]
    [InlineData("# just a comment")]
    [InlineData("lonely")]
    [InlineData("noport /tcp")]
    [InlineData("letters abc/tcp")]
    [InlineData("negative -1/tcp")]
    [InlineData("badoctal 09/tcp")]
    [InlineData("big 4294967297/tcp")]     // the line: past 32 bits, refused (not wrapped to 1)
    [InlineData("over32 4294967296/tcp")]  // glibc refuses a number past 32 bits (python3 finds no such service)
    [InlineData("gap 22 /tcp")]            // after the number comes '/' or the end of the line, nothing else
    [InlineData("ab\0c 1006/tcp")]         // a NUL ends the line, as glibc reads it: "ab" with no port
    [InlineData("hexnothing 0x/tcp")]       // strtoul reads "0", then 'x' is neither '/' nor the end
    public void TryParseLine_Malformed_IsSkipped(string line)
    {
        Assert.False(ServicesFileParser.TryParseLine(line, out _));
    }

    [Theory]
    [InlineData("hex 0x16/tcp", 22)]      // strtoul base 0: hexadecimal
    [InlineData("octal 026/tcp", 22)]     // strtoul base 0: leading 0 is octal
    [InlineData("wrap 65558/tcp", 22)]    // htons((uint16_t) 65558) wraps to 22, as glibc stores it
    [InlineData("  indented 7/udp", 7)]   // leading blanks are skipped
    [InlineData("plus +1005/tcp", 1005)]  // strtoul takes a sign
    [InlineData("minuszero -0/tcp", 0)]   // minus zero is zero
    [InlineData("max32 4294967295/tcp", 65535)] // up to 2^32-1, then (uint16_t) keeps the low 16 bits
    public void TryParseLine_PortNumberForms_MatchGlibc(string line, int port)
    {
        Assert.True(ServicesFileParser.TryParseLine(line, out var entry));
        Assert.Equal(port, entry.Port);
    }

    [Theory]
    [InlineData("noproto 1002/", 1002, "")]         // an empty protocol is a protocol: getservbyname('noproto') finds it
    [InlineData("noslash 1004", 1004, "")]          // no '/' at all: the same
    [InlineData("both 1011/tcp/x", 1011, "tcp/x")]  // the protocol runs to the next blank
    [InlineData("nul 1007/tcp\0junk", 1007, "tcp")] // what follows a NUL is not read
    [InlineData("cr 1010/tcp\rx", 1010, "tcp")]     // CR is a blank inside a line, as VT and FF
    public void TryParseLine_LinesGlibcAccepts_AreRead(string line, int port, string protocol)
    {
        Assert.True(ServicesFileParser.TryParseLine(line, out var entry));
        Assert.Equal(port, entry.Port);
        Assert.Equal(protocol, entry.Protocol);
    }

    [Fact]
    public void Parse_CarriageReturn_DoesNotEndALine()
    {
        var entries = ServicesFileParser.Parse("cr 1010/tcp\rx\nnext 1011/udp\n");
        Assert.Equal(["cr/tcp x", "next/udp "], entries.Select(e => $"{e.Name}/{e.Protocol} {string.Join(' ', e.Aliases)}"));
    }

    [Fact]
    public void Parse_MixedText_KeepsGoodLinesInOrderAndSkipsBadOnes()
    {
        const string text = """
            # header comment

            echo		7/tcp
            broken line here
            echo		7/udp
            	
            discard		9/tcp		sink null
            """;
        var entries = ServicesFileParser.Parse(text);
        Assert.Equal(["echo/tcp", "echo/udp", "discard/tcp"], entries.Select(e => $"{e.Name}/{e.Protocol}"));
    }
}
