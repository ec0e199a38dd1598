using System.Globalization;
using System.Text.RegularExpressions;
using Sockit.Cli.Tests.Netcat;

namespace Sockit.Cli.Tests.Bench;

/// <summary>
/// python3 echo servers for <c>sockit bench</c> that count what they did, as the oracle for what bench reports: a TCP
/// (or Unix) asyncio server that can corrupt the first byte of every Nth message and close a connection after M messages, and
/// a UDP server that can drop every Nth datagram. Each prints a line of counts on stderr at every event.
/// </summary>
public static partial class EchoPeers
{
    /// <summary>argv: message size, corrupt every Nth message (0: never), close after M messages (0: never), and a Unix socket path to listen on instead of TCP (optional).</summary>
    private const string TcpScript = """
        import asyncio, sys
        SIZE, CORRUPT_EVERY, CLOSE_AFTER = (int(a) for a in sys.argv[1:4])
        UNIX_PATH = sys.argv[4] if len(sys.argv) > 4 else None
        state = {'open': 0, 'echoed': 0, 'corrupted': 0, 'closed': 0}
        def report():
            print('open {open} echoed {echoed} corrupted {corrupted} closed {closed}'.format(**state), file=sys.stderr, flush=True)
        async def handle(reader, writer):
            state['open'] += 1
            report()
            offset = 0
            limit = CLOSE_AFTER * SIZE
            try:
                while True:
                    data = await reader.read(65536)
                    if not data:
                        break
                    if limit and offset + len(data) > limit:
                        data = data[:limit - offset]
                    data = bytearray(data)
                    if CORRUPT_EVERY:
                        period = SIZE * CORRUPT_EVERY
                        for at in range(-(-offset // period) * period, offset + len(data), period):
                            data[at - offset] ^= 0xFF
                            state['corrupted'] += 1
                    writer.write(data)
                    await writer.drain()
                    offset += len(data)
                    state['echoed'] += len(data)
                    if limit and offset >= limit:
                        state['closed'] += 1
                        break
            except ConnectionError:
                pass
            writer.close()
            state['open'] -= 1
            report()
        async def main():
            if UNIX_PATH:
                server = await asyncio.start_unix_server(handle, UNIX_PATH)
                print('port 0', file=sys.stderr, flush=True)
            else:
                server = await asyncio.start_server(handle, '127.0.0.1', 0)
                print('port', server.sockets[0].getsockname()[1], file=sys.stderr, flush=True)
            async with server:
                await server.serve_forever()
        asyncio.run(main())
        """;

    /// <summary>argv: drop every Nth datagram (0: never).</summary>
    private const string UdpScript = """
        import socket, sys
        DROP_EVERY = int(sys.argv[1])
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind(('127.0.0.1', 0))
        print('port', s.getsockname()[1], file=sys.stderr, flush=True)
        received = echoed = dropped = 0
        while True:
            data, peer = s.recvfrom(65536)
            received += 1
            if DROP_EVERY and received % DROP_EVERY == 0:
                dropped += 1
            else:
                s.sendto(data, peer)
                echoed += 1
            print('received', received, 'echoed', echoed, 'dropped', dropped, file=sys.stderr, flush=True)
        """;

    public static Task<(BackgroundProcess Process, int Port)> StartTcpAsync(int size, int corruptEvery = 0, int closeAfter = 0) =>
        PythonPeer.StartServerAsync(TcpScript, Arg(size), Arg(corruptEvery), Arg(closeAfter));

    /// <summary>The same server on the Unix domain stream socket <paramref name="path"/>; returns once it listens.</summary>
    public static async Task<BackgroundProcess> StartUnixAsync(string path, int size, int corruptEvery = 0, int closeAfter = 0) =>
        (await PythonPeer.StartServerAsync(TcpScript, Arg(size), Arg(corruptEvery), Arg(closeAfter), path)).Process;

    public static Task<(BackgroundProcess Process, int Port)> StartUdpAsync(int dropEvery = 0) =>
        PythonPeer.StartServerAsync(UdpScript, Arg(dropEvery));

    /// <summary>The TCP server's counts once every connection has closed (its last line says <c>open 0</c>): bytes echoed, bytes corrupted, connections it closed.</summary>
    public static async Task<(long Echoed, long Corrupted, long Closed)> TcpCountsAsync(BackgroundProcess server)
    {
        var line = await LastLineAsync(server, l => l.StartsWith("open 0 ", StringComparison.Ordinal));
        var match = TcpCounts().Match(line);
        return (Number(match, 1), Number(match, 2), Number(match, 3));
    }

    /// <summary>The UDP server's counts once it has received <paramref name="datagrams"/>: echoed and dropped.</summary>
    public static async Task<(long Echoed, long Dropped)> UdpCountsAsync(BackgroundProcess server, long datagrams)
    {
        var line = await LastLineAsync(server, l => l.StartsWith($"received {datagrams} ", StringComparison.Ordinal));
        var match = UdpCounts().Match(line);
        return (Number(match, 1), Number(match, 2));
    }

    // Waits (10 s at most) until the last line the server printed satisfies `done`, and returns it; on time out, the
    // last line anyway, so the test's assertion shows what the server said.
    private static async Task<string> LastLineAsync(BackgroundProcess server, Func<string, bool> done)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var last = server.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "";
            if (done(last) || DateTime.UtcNow > deadline)
            {
                return last;
            }
            await Task.Delay(20);
        }
    }

    private static long Number(Match match, int group) =>
        match.Success ? long.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : -1;

    private static string Arg(int value) => value.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^open 0 echoed (\d+) corrupted (\d+) closed (\d+)$")]
    private static partial Regex TcpCounts();

    [GeneratedRegex(@"^received \d+ echoed (\d+) dropped (\d+)$")]
    private static partial Regex UdpCounts();
}
