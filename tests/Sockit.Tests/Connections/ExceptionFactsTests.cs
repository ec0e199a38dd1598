using System.Net;
using System.Net.Sockets;
using Sockit.Connections;
using Sockit.Http;
using Sockit.Services;
using Sockit.Testing;

namespace Sockit.Tests.Connections;

/// <summary>
/// The library's exceptions carry facts a caller can branch on (phase, host, port, path, addresses tried, the OS's
/// error), and their messages state what failed and why in plain words, with no advice in a CLI's terms.
/// </summary>
public sealed class ExceptionFactsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connect_Refused_FactsAndAPlainMessage()
    {
        var port = FreePorts.Get();
        var e = await Assert.ThrowsAsync<ConnectionException>(async () => await Connector.ConnectAsync("127.0.0.1", port, cancellationToken: Ct));
        Assert.Equal($"connect to 127.0.0.1 port {port} failed: Connection refused", e.Message);
        Assert.Equal((SockitFailure.Refused, ConnectionPhase.Connect, "127.0.0.1", (int?)port, (string?)null), (e.Failure, e.Phase, e.Host, e.Port, e.Path));
        Assert.Equal([new IPEndPoint(IPAddress.Loopback, port)], e.Tried);
        Assert.Equal(SocketError.ConnectionRefused, e.SocketError);
        Assert.Null(e.Timeout);
    }

    [Fact]
    public async Task ConnectUnix_NoSuchFile_NamesThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sockit-none-{Guid.NewGuid():N}");
        var e = await Assert.ThrowsAsync<ConnectionException>(async () => await Connector.ConnectUnixAsync(path, cancellationToken: Ct));
        Assert.Equal($"connect to unix socket {path} failed: no such file", e.Message);
        Assert.Equal((ConnectionPhase.Connect, path, (string?)null, (int?)null), (e.Phase, e.Path, e.Host, e.Port));
    }

    [Fact]
    public void ServiceLookup_NotFound_NamesServiceAndProtocol()
    {
        var e = Assert.Throws<LookupException>(() => ServicesDatabase.System.GetByName("no-such-service", "tcp"));
        Assert.Equal("service 'no-such-service' not found for tcp", e.Message);
        Assert.Equal((SockitFailure.NotFound, (string?)null, "no-such-service", "tcp"), (e.Failure, e.Name, e.Service, e.Protocol));
    }

    [Fact]
    public async Task Resolve_LiteralOfTheOtherFamily_NamesAddressAndFamily()
    {
        var e = await Assert.ThrowsAsync<LookupException>(async () => await Connector.ResolveAsync("::1", AddressFamily.InterNetwork, Ct));
        Assert.Equal("address ::1 is not IPv4", e.Message);
        Assert.Equal(("::1", AddressFamily.InterNetwork), (e.Name, e.Family));
    }

    [Fact]
    public async Task Relay_IdleTimeout_TransferPhaseAndTheLimit()
    {
        // A peer that accepts and stays silent; the input never ends either, so no byte moves either way.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        await using var connection = await Connector.ConnectAsync("127.0.0.1", port, cancellationToken: Ct);
        using var peer = await listener.AcceptAsync(Ct);
        var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.In);
        await using (pipe)
        {
            var e = await Assert.ThrowsAsync<ConnectionException>(async () => await
                Relay.RunAsync(connection, pipe, Stream.Null, new RelayOptions { IdleTimeout = TimeSpan.FromMilliseconds(300) }, Ct));
            Assert.Equal($"connection to 127.0.0.1:{port} idle for 0.3 s: timed out", e.Message);
            Assert.Equal((SockitFailure.TimedOut, ConnectionPhase.Transfer, (TimeSpan?)TimeSpan.FromMilliseconds(300), (int?)port), (e.Failure, e.Phase, e.Timeout, e.Port));
        }
    }

    [Fact]
    public async Task HttpGet_Refused_IsAConnectionException()
    {
        var port = FreePorts.Get();
        var client = new HttpWireClient(new HttpWireClientOptions());
        var e = await Assert.ThrowsAsync<ConnectionException>(() => client.GetAsync(new Uri($"http://127.0.0.1:{port}/"), Stream.Null, cancellationToken: Ct));
        Assert.Equal((SockitFailure.Refused, ConnectionPhase.Connect, "127.0.0.1", (int?)port), (e.Failure, e.Phase, e.Host, e.Port));
    }
}
