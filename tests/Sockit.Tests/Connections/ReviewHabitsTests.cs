using Sockit.Connections;
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
    public async Task ScriptedHttpServer_DisposedTwice_SecondDisposeDoesNothing()
    {
        var server = ScriptedHttpServer.Start("HTTP/1.1 204 No Content\r\n\r\n"u8.ToArray());
        await server.DisposeAsync();
        await server.DisposeAsync();
        // Stopped after the first: nothing listens on its port any more.
        var e = await Assert.ThrowsAsync<ConnectionException>(async () => await Connector.ConnectAsync("127.0.0.1", server.Port, cancellationToken: Ct));
        Assert.Equal(SockitFailure.Refused, e.Failure);
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
