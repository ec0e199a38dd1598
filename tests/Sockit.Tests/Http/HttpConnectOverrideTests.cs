using System.Net;
using Sockit.Http;
using Sockit.Servers;

namespace Sockit.Tests.Http;

/// <summary>
/// HttpWireClientOptions.Resolve and ConnectTo: the connect path takes the given address without a lookup (the trace
/// says no "resolving"), and the request keeps the URL's host. Only localhost is named, so even a lookup by mistake stays on the machine.
/// </summary>
public sealed class HttpConnectOverrideTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private sealed class Trace : HttpWireObserver
    {
        public List<string> Lines { get; } = [];

        public override void OnTrace(string message) => Lines.Add(message);
    }

    [Fact]
    public async Task SendAsync_ResolveOverride_ConnectsWithoutLookingUp()
    {
        await using var server = ScriptedHttpServer.Start("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray());
        var client = new HttpWireClient(new HttpWireClientOptions { Resolve = [new HttpResolveOverride("LOCALHOST", server.Port, [IPAddress.Loopback])] });
        var trace = new Trace();
        var response = await client.SendAsync(new HttpWireRequest(new Uri($"http://localhost:{server.Port}/")), Stream.Null, trace, Token);
        Assert.Equal(200, response.Head.StatusCode);
        Assert.DoesNotContain(trace.Lines, l => l.StartsWith("resolving", StringComparison.Ordinal));
        Assert.Contains("localhost is 127.0.0.1 (given, not looked up)", trace.Lines);
        Assert.True(response.Timings.NameLookup <= response.Timings.Connect);
    }

    [Fact]
    public async Task SendAsync_ConnectTo_GoesToTheOtherPortAndKeepsHost()
    {
        await using var server = ScriptedHttpServer.Start("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"u8.ToArray());
        var client = new HttpWireClient(new HttpWireClientOptions { ConnectTo = [new HttpConnectTo("127.0.0.1", 9, null, server.Port)] });
        var response = await client.SendAsync(new HttpWireRequest(new Uri("http://127.0.0.1:9/p")), Stream.Null, null, Token);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, server.Port), response.RemoteEndPoint);
        Assert.StartsWith("GET /p HTTP/1.1\r\nHost: 127.0.0.1:9\r\n", System.Text.Encoding.ASCII.GetString(Assert.Single(server.Requests)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Timings_AreInOrderWithNoTls()
    {
        // The head comes 100 ms after the request arrives, and the request leaves only once connected: so first byte - connect
        // is at least 100 ms whatever the machine's load (a wait that is cause and effect, not a duration compared; 90 for timer rounding).
        await using var server = ScriptedHttpServer.Start([[], "HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\nabcd"u8.ToArray()], TimeSpan.FromMilliseconds(100));
        var response = await new HttpWireClient().SendAsync(new HttpWireRequest(server.Url()), Stream.Null, null, Token);
        var t = response.Timings;
        Assert.Equal(TimeSpan.Zero, t.TlsHandshake);
        Assert.True(t.NameLookup <= t.Connect && t.Connect <= t.FirstByte && t.FirstByte <= t.Total);
        Assert.True(t.FirstByte - t.Connect >= TimeSpan.FromMilliseconds(90), $"{t.Connect} {t.FirstByte}");
        Assert.Equal(response.Elapsed, t.Total);
    }
}
