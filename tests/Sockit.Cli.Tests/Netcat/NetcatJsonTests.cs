using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Netcat;

/// <summary>
/// <c>connect</c> and <c>listen</c> with <c>--format json</c>: JSON Lines events on stdout, never raw bytes, each with
/// "version": 1; the base64 in "data" events decodes to exactly the bytes a python3 peer sent or received.
/// </summary>
public sealed class NetcatJsonTests
{
    // Bytes that are not text: a NUL, invalid UTF-8, a newline in the middle, and a quote.
    private static readonly byte[] s_fromPeer = [0x00, 0xFF, 0xFE, (byte)'h', (byte)'i', 0x0A, (byte)'"', 0x80];
    private static readonly byte[] s_fromSockit = [0xC3, 0x28, (byte)'o', (byte)'k', 0x0A, 0x01];

    [Fact]
    public async Task Connect_Json_EventsCarryTheBytesBothWays()
    {
        var (peer, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + """
            conn, addr = srv.accept()
            print('client', addr[0] + ':' + str(addr[1]), file=sys.stderr, flush=True)
            conn.sendall(bytes.fromhex('00fffe68690a2280'))
            conn.shutdown(socket.SHUT_WR)
            got = b''
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                got += chunk
            print('got', got.hex(), file=sys.stderr, flush=True)
            conn.close()
            """);
        await using (peer)
        {
            var result = await Cli.RunAsync(["connect", "127.0.0.1", P(port), "--format", "json"], s_fromSockit, TestContext.Current.CancellationToken);
            var got = await peer.WaitForStderrAsync("got ");
            var client = (await peer.WaitForStderrAsync("client ")).Split(' ')[1];
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("", result.Stderr);
            // What python received, in its own words.
            Assert.Equal("got " + Convert.ToHexStringLower(s_fromSockit), got);

            var events = Parse(result.Stdout);
            Assert.All(events, e => Assert.Equal(1, e.GetProperty("version").GetInt32()));
            var connected = events[0];
            Assert.Equal("connected", connected.GetProperty("event").GetString());
            Assert.Equal($"127.0.0.1:{port}", connected.GetProperty("peer").GetString());
            Assert.Equal(client, connected.GetProperty("local").GetString());
            Assert.Equal(s_fromPeer, Decode(events, "received"));
            Assert.Equal(s_fromSockit, Decode(events, "sent"));
            var closed = events[^1];
            Assert.Equal("closed", closed.GetProperty("event").GetString());
            Assert.Equal($"127.0.0.1:{port}", closed.GetProperty("peer").GetString());
            Assert.Equal(s_fromSockit.Length, closed.GetProperty("bytesSent").GetInt64());
            Assert.Equal(s_fromPeer.Length, closed.GetProperty("bytesReceived").GetInt64());
        }
    }

    [Fact]
    public async Task Connect_Json_RefusedIsAnErrorEvent()
    {
        var port = FreePorts.Get();
        var result = await Cli.RunAsync("connect", "127.0.0.1", P(port), "--format", "json");
        Assert.Equal(69, result.ExitCode);
        var error = Assert.Single(Parse(result.Stdout));
        Assert.Equal(1, error.GetProperty("version").GetInt32());
        Assert.Equal("error", error.GetProperty("event").GetString());
        Assert.Equal("refused", error.GetProperty("error").GetString());
        Assert.Equal(69, error.GetProperty("exit").GetInt32());
        Assert.Contains("refused", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        // stderr carries the failure too, as the one-line error object of --format json.
        using var stderr = JsonDocument.Parse(result.Stderr);
        Assert.Equal("refused", stderr.RootElement.GetProperty("error").GetString());
        Assert.Equal(69, stderr.RootElement.GetProperty("exit").GetInt32());
    }

    [Fact]
    public async Task Connect_Text_StillPrintsTheRawBytes()
    {
        var (peer, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + """
            conn, addr = srv.accept()
            conn.sendall(bytes.fromhex('00fffe68690a2280'))
            conn.close()
            """);
        await using (peer)
        {
            var result = await Cli.RunAsync(["connect", "127.0.0.1", P(port)], [], TestContext.Current.CancellationToken);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal(s_fromPeer, result.StdoutBytes);
        }
    }

    [Fact]
    public async Task Listen_Json_EventsCarryTheBytesBothWays()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "--format", "json");
        await using (listen)
        {
            await listen.Stdin.WriteAsync(s_fromSockit, TestContext.Current.CancellationToken);
            listen.Stdin.Close();
            var python = Peers.Require("python3");
            var client = await ProcessRunner.RunAsync(python, ["-c", $"""
                import socket, sys
                s = socket.create_connection(('127.0.0.1', {port}))
                print(s.getsockname()[0] + ':' + str(s.getsockname()[1]))
                s.sendall(bytes.fromhex('00fffe68690a2280'))
                s.shutdown(socket.SHUT_WR)
                got = b''
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    got += chunk
                print(got.hex())
                """], timeout: TimeSpan.FromSeconds(15));
            var (exitCode, stdout, _) = await listen.WaitAsync();
            Assert.Equal(0, client.ExitCode);
            var clientLines = client.Stdout.Split('\n');
            Assert.Equal(Convert.ToHexStringLower(s_fromSockit), clientLines[1]);
            Assert.Equal(0, exitCode);

            var events = Parse(System.Text.Encoding.UTF8.GetString(stdout));
            Assert.All(events, e => Assert.Equal(1, e.GetProperty("version").GetInt32()));
            Assert.Equal("listening", events[0].GetProperty("event").GetString());
            Assert.Equal($"127.0.0.1:{port}", events[0].GetProperty("local").GetString());
            Assert.Equal("tcp", events[0].GetProperty("transport").GetString());
            Assert.Equal("connected", events[1].GetProperty("event").GetString());
            Assert.Equal(clientLines[0], events[1].GetProperty("peer").GetString());
            Assert.Equal(s_fromPeer, Decode(events, "received"));
            Assert.Equal(s_fromSockit, Decode(events, "sent"));
            Assert.Equal("closed", events[^1].GetProperty("event").GetString());
            Assert.Equal(s_fromPeer.Length, events[^1].GetProperty("bytesReceived").GetInt64());
        }
    }

    [Fact]
    public async Task Listen_KeepOpenEcho_Json_NamesEachPeer()
    {
        var (listen, port) = await BackgroundProcess.SockitListenAsync("0", "-k", "--echo", "--format", "json", "-v");
        await using (listen)
        {
            using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await client.ConnectAsync(IPAddress.Loopback, port, TestContext.Current.CancellationToken);
            await client.SendAsync(s_fromPeer, TestContext.Current.CancellationToken);
            var echoed = new byte[s_fromPeer.Length];
            var n = 0;
            while (n < echoed.Length)
            {
                n += await client.ReceiveAsync(echoed.AsMemory(n), TestContext.Current.CancellationToken);
            }
            Assert.Equal(s_fromPeer, echoed);
            var me = client.LocalEndPoint!.ToString();
            client.Close();
            await listen.WaitForStderrAsync($"closed {me}");
            await listen.SignalAsync("INT");
            var (_, stdout, _) = await listen.WaitAsync();
            var events = Parse(System.Text.Encoding.UTF8.GetString(stdout));
            Assert.Equal("listening", events[0].GetProperty("event").GetString());
            Assert.Equal("echo", events[0].GetProperty("mode").GetString());
            Assert.Contains(events, e => e.GetProperty("event").GetString() == "connected" && e.GetProperty("peer").GetString() == me);
            Assert.All(events.Where(e => e.GetProperty("event").GetString() == "data"), e => Assert.Equal(me, e.GetProperty("peer").GetString()));
            Assert.Equal(s_fromPeer, Decode(events, "received"));
            Assert.Equal(s_fromPeer, Decode(events, "sent"));
            Assert.Contains(events, e => e.GetProperty("event").GetString() == "closed" && e.GetProperty("peer").GetString() == me);
        }
    }

    /// <summary>Every line of stdout parsed as its own JSON document; a line that is not JSON fails the test.</summary>
    private static List<JsonElement> Parse(string stdout)
    {
        Assert.EndsWith("\n", stdout, StringComparison.Ordinal);
        return stdout.TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
    }

    /// <summary>The bytes of every "data" event one way, decoded from base64 and joined in order; "bytes" must match each chunk.</summary>
    private static byte[] Decode(List<JsonElement> events, string direction) => events
        .Where(e => e.GetProperty("event").GetString() == "data" && e.GetProperty("direction").GetString() == direction)
        .SelectMany(e =>
        {
            var chunk = Convert.FromBase64String(e.GetProperty("base64").GetString()!);
            Assert.Equal(chunk.Length, e.GetProperty("bytes").GetInt32());
            return chunk;
        })
        .ToArray();

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);
}
