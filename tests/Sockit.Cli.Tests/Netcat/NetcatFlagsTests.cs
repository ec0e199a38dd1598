using System.Diagnostics;
using System.Text;
using Sockit.Testing;
using static Sockit.Cli.Tests.Netcat.NcParityTests;

namespace Sockit.Cli.Tests.Netcat;

/// <summary>connect's netcat flags against their peers: -q against OpenBSD nc's -q, -s/-p failures, UDP's --send limit, -C across reads.</summary>
public sealed class NetcatFlagsTests
{
    [Fact]
    public async Task Quit1_PeerNeverCloses_SameBytesAndEndOfFileAsOpenBsdNc_AndQuitsAfterASecond()
    {
        // The server reads until end-of-file, reports it, then keeps the connection open for 4 s.
        var script = PythonPeer.TcpServerPrologue + """
            import time
            conn, _ = srv.accept()
            data = b''
            while True:
                chunk = conn.recv(65536)
                if not chunk: break
                data += chunk
            print('eof', data.decode(), flush=True)
            time.sleep(4)
            """;
        var openBsd = Peers.Require("nc.openbsd");
        var elapsed = new List<TimeSpan>();
        foreach (var (program, prefix) in new[] { (openBsd, Array.Empty<string>()), (Cli.DotnetPath, new[] { "exec", Cli.ProgramPath, "connect" }) })
        {
            var (server, port) = await PythonPeer.StartServerAsync(script);
            await using (server)
            {
                var clock = Stopwatch.StartNew();
                var client = await ProcessRunner.RunAsync(program, [.. prefix, "-q", "1", "127.0.0.1", P(port)], Encoding.ASCII.GetBytes("bye"), TimeSpan.FromSeconds(8));
                elapsed.Add(clock.Elapsed);
                Assert.Equal(0, client.ExitCode);
                Assert.Equal("eof bye", await SinkReportAsync(server));
            }
        }
        // Debian's nc.openbsd 1.2x, once it has shut down its side, waits for the peer after all (about 4 s here);
        // sockit quits one second after the end of stdin, as -q's manual says.
        Assert.InRange(elapsed[1], TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(3.5));
    }

    [Fact]
    public async Task SourcePortInUse_OneLine69()
    {
        var (holder, held) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + "import time\ntime.sleep(30)\n");
        await using (holder)
        {
            var result = await Cli.RunAsync("connect", "-s", "127.0.0.1", "-p", P(held), "127.0.0.1", "9");
            Assert.Equal(69, result.ExitCode);
            Assert.Equal($"sockit: cannot bind source 127.0.0.1:{held} to connect to 127.0.0.1 port 9: Address already in use (another socket holds that source address and port: pick another -p, or leave -p out)\n", result.Stderr);
        }
    }

    [Fact]
    public async Task SourceAddressOfOtherFamily_OneLine()
    {
        var result = await Cli.RunAsync("connect", "-s", "::1", "127.0.0.1", "9");
        Assert.Equal(74, result.ExitCode);
        Assert.Equal("sockit: cannot bind source [::1]:0 to connect to 127.0.0.1 port 9: source address ::1 is IPv6 and 127.0.0.1 is IPv4 (give -s an address of the target's family, or -4/-6 to pick the family)\n", result.Stderr);
    }

    [Theory]
    [InlineData("127.0.0.1", 65508, "65,508 bytes: one UDP datagram over IPv4 holds at most 65,507")]
    [InlineData("::1", 65528, "65,528 bytes: one UDP datagram over IPv6 holds at most 65,527")]
    public async Task UdpSendLargerThanOneDatagram_Usage64(string host, int size, string says)
    {
        var result = await Cli.RunAsync("connect", "-u", "--send", new string('a', size), host, "9");
        Assert.Equal(64, result.ExitCode);
        Assert.Equal($"sockit: --send TEXT is {says}, and -u sends --send as one datagram; send less, or use TCP (drop -u)\n", result.Stderr);
    }

    [Fact]
    public async Task UdpSendOfExactlyOneIPv4Datagram_ArrivesWhole()
    {
        var script = """
            import socket, sys
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            s.bind(('127.0.0.1', 0))
            print('port', s.getsockname()[1], file=sys.stderr, flush=True)
            data, _ = s.recvfrom(70000)
            print(len(data), flush=True)
            """;
        var (server, port) = await PythonPeer.StartServerAsync(script);
        await using (server)
        {
            var result = await Cli.RunProcessAsync(["connect", "-u", "--idle-timeout", "200ms", "--send", new string('a', 65507), "127.0.0.1", P(port)]);
            Assert.Equal(0, result.ExitCode);
            Assert.Equal("65507", await SinkReportAsync(server));
        }
    }

    [Fact]
    public async Task Crlf_CrAtTheEndOfOneReadAndLfAtTheStartOfTheNext_StaysOneLineEnd()
    {
        // ncat 7.93 does the same (checked by hand: printf 'a\r'; sleep; printf '\nb\n' | ncat -C gives a\r\nb\r\n).
        using var input = new MemoryStream(Encoding.ASCII.GetBytes("a\r\nb\n"));
        var chunks = new OneByteStream(input);
        var crlf = new CrlfInputStream(chunks);
        var output = new MemoryStream();
        var buffer = new byte[16];
        int n;
        while ((n = await crlf.ReadAsync(buffer, TestContext.Current.CancellationToken)) > 0)
        {
            output.Write(buffer, 0, n);
        }
        Assert.Equal("a\r\nb\r\n", Encoding.ASCII.GetString(output.ToArray()));
    }

    // Hands out one byte a read, so a CR and its LF come in different reads.
    private sealed class OneByteStream(Stream inner) : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer[..1], cancellationToken);
    }
}
