using System.Diagnostics;
using System.Globalization;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Commands;

/// <summary>
/// <c>resolve --server</c> against a hostile DNS server: python3 on loopback UDP answering every query with hand-built
/// bytes. A malformed answer is exit 76 with one line (never 70, never "did not answer"); a reply with the wrong ID is
/// ignored and the right one after it is taken, as resolvers do.
/// </summary>
public sealed class ResolveHostileServerTests
{
    private const string HostileServer = """
        import socket, struct, sys, time
        mode = sys.argv[1]
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.bind(("127.0.0.1", 0))
        print(s.getsockname()[1], flush=True)
        def reply(q, qid, ancount, answers):
            return struct.pack(">HHHHHH", qid, 0x8180, 1, ancount, 0, 0) + q[12:] + answers
        def a(ip, rdlength=4):
            return b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 60, rdlength) + socket.inet_aton(ip)
        while True:
            q, peer = s.recvfrom(4096)
            qid = struct.unpack(">H", q[:2])[0]
            if mode == "self-pointer":      # the answer's owner name points at itself
                s.sendto(reply(q, qid, 1, struct.pack(">H", 0xC000 | len(q)) + struct.pack(">HHIH", 1, 1, 60, 4) + bytes(4)), peer)
            elif mode == "pointer-loop":    # two names pointing at each other: the first forward, the second back
                first = len(q)
                loop = struct.pack(">H", 0xC000 | (first + 2)) + struct.pack(">H", 0xC000 | first)
                s.sendto(reply(q, qid, 1, loop + struct.pack(">HHIH", 1, 1, 60, 4) + bytes(4)), peer)
            elif mode == "cname-loop":      # a CNAME whose target is a pointer to itself
                at = len(q) + 12
                s.sendto(reply(q, qid, 1, b"\xc0\x0c" + struct.pack(">HHIH", 5, 1, 60, 2) + struct.pack(">H", 0xC000 | at)), peer)
            elif mode == "wrong-id":        # first a reply with another ID, then the right one
                s.sendto(reply(q, qid ^ 0x5555, 1, a("127.0.0.66")), peer)
                time.sleep(0.1)
                s.sendto(reply(q, qid, 1, a("127.0.0.77")), peer)
            elif mode == "short":
                s.sendto(q[:2] + b"\x81\x80\x00", peer)
            elif mode == "counts":          # says 5 answers, carries 1
                s.sendto(reply(q, qid, 5, a("127.0.0.9")), peer)
            elif mode == "rdlength":        # an A record whose data length runs past the end
                s.sendto(reply(q, qid, 1, a("127.0.0.9", rdlength=200)), peer)
            elif mode == "a-length":        # an A record of 3 bytes
                s.sendto(reply(q, qid, 1, b"\xc0\x0c" + struct.pack(">HHIH", 1, 1, 60, 3) + b"\x7f\x00\x00"), peer)
        """;

    [Theory]
    [InlineData("self-pointer", "answer 1 of 1: a name's compression pointer at byte 33 points forward or at itself (to 33)")]
    [InlineData("pointer-loop", "answer 1 of 1: a name's compression pointer at byte 33 points forward or at itself (to 35)")]
    [InlineData("cname-loop", "answer 1 of 1: a name's compression pointer at byte 45 points forward or at itself (to 45)")]
    [InlineData("short", "5 bytes, shorter than a DNS header (12)")]
    [InlineData("counts", "answer 2 of 5: cut short at byte 49 (counts or lengths promise more than the message holds)")]
    [InlineData("rdlength", "answer 1 of 1: its data length 200 runs past the end of the 49-byte message")]
    [InlineData("a-length", "answer 1 of 1: an A record of 3 bytes (it has 4)")]
    public async Task MalformedAnswer_Exit76_OneLine(string mode, string why)
    {
        using var server = await StartAsync(mode);
        var endPoint = $"127.0.0.1:{server.Port}";

        var result = await Cli.RunAsync("resolve", "www.sockit.test", "--server", endPoint, "--timeout", "5");

        Assert.Equal(76, result.ExitCode);
        Assert.Equal($"sockit: DNS server {endPoint} sent a malformed answer for 'www.sockit.test': {why}\n", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public async Task WrongId_IsIgnored_TheRightReplyAfterItIsTaken()
    {
        using var server = await StartAsync("wrong-id");

        var result = await Cli.RunAsync("resolve", "www.sockit.test", "--server", $"127.0.0.1:{server.Port}", "--format", "python", "--timeout", "5");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("('www.sockit.test', [], ['127.0.0.77'])\n", result.Stdout);
    }

    private static async Task<PythonServer> StartAsync(string mode)
    {
        var process = ProcessRunner.Start(Peers.Require("python3"), ["-c", HostileServer, mode]);
        var line = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken);
        return new PythonServer(process, int.Parse(line!, CultureInfo.InvariantCulture));
    }

    private sealed class PythonServer(Process process, int port) : IDisposable
    {
        public int Port => port;

        public void Dispose()
        {
            process.Kill();
            process.Dispose();
        }
    }
}
