using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sockit.Cli.Tests.Netcat;

/// <summary>
/// <c>connect -v</c> and <c>-vv</c> as netcat users type them: the level counts each <c>-v</c> (<c>-vv</c>,
/// <c>-v -v</c>, <c>--verbose -v</c>); <c>-v</c> traces the attempt, <c>-vv</c> adds the byte counts, without
/// either the stderr has no trace. The peer is a socket of the test's own that reads one byte and answers "ok".
/// </summary>
public sealed class ConnectVerboseTests
{
    [Theory]
    [InlineData(0, new string[0])]
    [InlineData(1, new[] { "-v" })]
    [InlineData(2, new[] { "-vv" })]
    [InlineData(2, new[] { "-v", "-v" })]
    [InlineData(2, new[] { "--verbose", "-v" })]
    public async Task Connect_VerbosityLevels_TraceAndByteCounts(int level, string[] flags)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen();
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port.ToString(CultureInfo.InvariantCulture);
        var peer = ServeOneAsync(listener);

        var result = await Cli.RunAsync(["connect", .. flags, "127.0.0.1", port, "--send", "x"]);
        Assert.Equal("x", await peer);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("ok", result.Stdout);
        var lines = result.Stderr.Split('\n');
        if (level == 0)
        {
            Assert.Equal("", result.Stderr);
            return;
        }
        // A literal address: nothing to resolve, one attempt.
        Assert.Equal($"trying 127.0.0.1 port {port} ...", lines[0]);
        Assert.Matches($@"^connected to 127\.0\.0\.1 port {port} \(from 127\.0\.0\.1:\d+\) in [\d.]+ ms$", lines[1]);
        Assert.Equal(level == 2 ? ["closed: 1 bytes sent, 2 received", ""] : [""], lines[2..]);
    }

    private static async Task<string> ServeOneAsync(Socket listener)
    {
        using var client = await listener.AcceptAsync(TestContext.Current.CancellationToken);
        var buffer = new byte[16];
        var read = await client.ReceiveAsync(buffer, TestContext.Current.CancellationToken);
        await client.SendAsync("ok"u8.ToArray(), TestContext.Current.CancellationToken);
        client.Shutdown(SocketShutdown.Both);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
