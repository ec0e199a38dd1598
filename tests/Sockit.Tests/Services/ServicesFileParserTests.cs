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
    [InlineData("noslash 22")]
    [InlineData("noproto 22/")]
    [InlineData("noport /tcp")]
    [InlineData("letters abc/tcp")]
    [InlineData("negative -1/tcp")]
    [InlineData("badoctal 09/tcp")]
    public void TryParseLine_Malformed_IsSkipped(string line)
    {
        Assert.False(ServicesFileParser.TryParseLine(line, out _));
    }

    [Theory]
    [InlineData("hex 0x16/tcp", 22)]      // strtoul base 0: hexadecimal
    [InlineData("octal 026/tcp", 22)]     // strtoul base 0: leading 0 is octal
    [InlineData("wrap 65558/tcp", 22)]    // htons((uint16_t) 65558) wraps to 22, as glibc stores it
    [InlineData("  indented 7/udp", 7)]   // leading blanks are skipped
    public void TryParseLine_PortNumberForms_MatchGlibc(string line, int port)
    {
        Assert.True(ServicesFileParser.TryParseLine(line, out var entry));
        Assert.Equal(port, entry.Port);
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
