using Sockit.Load;

namespace Sockit.Tests.Load;

/// <summary>The load generator's messages: each carries its number, so consecutive messages never compare equal.</summary>
public sealed class MessagePatternTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(15)]
    [InlineData(64)]
    public void Stamp_ConsecutiveNumbers_MessagesDiffer(int size)
    {
        var a = new byte[size];
        var b = new byte[size];
        MessagePattern.FillBody(a, connection: 0);
        MessagePattern.FillBody(b, connection: 0);
        MessagePattern.Stamp(a, 41);
        MessagePattern.Stamp(b, 42);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void Stamp_64Bytes_NumberFirstAndLastLittleEndian_LettersBetween()
    {
        var message = new byte[64];
        MessagePattern.FillBody(message, connection: 1);
        MessagePattern.Stamp(message, 0x0102);
        // Bytes 0-7 and 56-63: 0x0102 little-endian; bytes 8-55: letters from 'b' (connection 1), byte i is 'a' + (i + 1) % 26.
        Assert.Equal(new byte[] { 0x02, 0x01, 0, 0, 0, 0, 0, 0 }, message[..8]);
        Assert.Equal(new byte[] { 0x02, 0x01, 0, 0, 0, 0, 0, 0 }, message[56..]);
        Assert.Equal((byte)'j', message[8]);
        Assert.Equal((byte)'a', message[25]);
        Assert.True(MessagePattern.TryReadSequence(message, 64, out var number));
        Assert.Equal(0x0102, number);
    }
}
