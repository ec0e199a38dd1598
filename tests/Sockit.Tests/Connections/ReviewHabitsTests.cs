using Sockit.Lesson;
using Sockit.Servers;

namespace Sockit.Tests.Connections;

/// <summary>The library's habits that a review pass fixed: misuse is an argument exception; disposing twice is harmless.</summary>
public sealed class ReviewHabitsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void CreateServer_HostNotAnAddress_ArgumentException()
    {
        var e = Assert.Throws<ArgumentException>(() => Py.CreateServer(("not-an-address", 0)));
        Assert.Equal("address", e.ParamName);
        Assert.Contains("'not-an-address' is not an IP address", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChunkedPageServer_DisposedTwice_SecondDisposeDoesNothing()
    {
        var server = ChunkedPageServer.Start(["one", "two"], TimeSpan.Zero);
        await server.DisposeAsync();
        await server.DisposeAsync();
        Assert.Equal("onetwo"u8.ToArray(), server.Page);
    }

    [Fact]
    public async Task Server_DisposedTwice_SecondDisposeDoesNothing()
    {
        var server = EchoServer.Start();
        await server.DisposeAsync();
        await server.DisposeAsync();
        await server.Completion.WaitAsync(TimeSpan.FromSeconds(5), Ct);
        Assert.True(server.Completion.IsCompletedSuccessfully);
    }
}
