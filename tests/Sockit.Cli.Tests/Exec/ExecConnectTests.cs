using System.Security.Cryptography;
using System.Text;
using Sockit.Cli.Tests.Netcat;
using Sockit.Testing;
using static Sockit.Cli.Tests.Exec.ExecPeers;

namespace Sockit.Cli.Tests.Exec;

/// <summary><c>sockit connect --exec</c> and <c>--sh-exec</c> against real servers (ncat -l, python3).</summary>
public sealed class ExecConnectTests
{
    [Fact]
    public async Task ConnectExecTr_ToNcatListener_ItsBytesComeBackUpperCased()
    {
        var ncat = Peers.Require("ncat");
        var port = FreePorts.Get();
        await using var peer = BackgroundProcess.Start(ncat, "-v", "-l", "127.0.0.1", P(port));
        await peer.WaitForStderrAsync("Listening on");
        // ncat sends its stdin, half-closes at its end, and prints what comes back until sockit closes.
        await peer.WriteStdinAsync("from ncat\n", close: true);
        var result = await Cli.RunProcessAsync(["connect", "127.0.0.1", P(port), "--exec", "tr", "a-z", "A-Z"], timeout: TimeSpan.FromSeconds(15));
        var ncatResult = await peer.WaitAsync();
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("FROM NCAT\n", Encoding.UTF8.GetString(ncatResult.Stdout));
        Assert.Empty(result.StdoutBytes);
    }

    [Fact]
    public async Task ConnectShExecSha256sum_PythonServerSends2MiBAndHalfCloses_GetsTheDigestBack()
    {
        var data = new byte[2 * 1024 * 1024];
        Random.Shared.NextBytes(data);
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, data, TestContext.Current.CancellationToken);
        try
        {
            var (python, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + $$"""
                conn, _ = srv.accept()
                conn.sendall(open({{PythonString(path)}}, 'rb').read())
                conn.shutdown(socket.SHUT_WR)
                answer = b''
                while True:
                    chunk = conn.recv(65536)
                    if not chunk: break
                    answer += chunk
                sys.stdout.buffer.write(answer)
                sys.stdout.flush()
                conn.close()
                """);
            await using (python)
            {
                var result = await Cli.RunProcessAsync(["connect", "127.0.0.1", P(port), "--sh-exec", "sha256sum | cut -c1-64"], timeout: TimeSpan.FromSeconds(20));
                var server = await python.WaitAsync();
                Assert.Equal(0, result.ExitCode);
                Assert.Equal(Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant() + "\n", Encoding.UTF8.GetString(server.Stdout));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ConnectExecCat_PythonEchoServer_1MiBGoesThroughTheProgramBothWays()
    {
        // The server echoes what it gets; cat gives it back; the server stops after 1 MiB and closes. sockit relays
        // both ways through the program until the server's end-of-file, then cat ends and so does sockit.
        var (python, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + """
            import hashlib
            conn, _ = srv.accept()
            seed = bytes(range(256)) * 4096
            conn.sendall(seed)
            got = b''
            while len(got) < len(seed):
                chunk = conn.recv(65536)
                if not chunk: break
                got += chunk
            conn.shutdown(socket.SHUT_WR)
            while conn.recv(65536): pass
            print(hashlib.sha256(got).hexdigest(), len(got), flush=True)
            conn.close()
            """);
        await using (python)
        {
            var result = await Cli.RunProcessAsync(["connect", "127.0.0.1", P(port), "--exec", "cat"], timeout: TimeSpan.FromSeconds(20));
            var server = await python.WaitAsync();
            Assert.Equal(0, result.ExitCode);
            var seed = Enumerable.Repeat(Enumerable.Range(0, 256).Select(i => (byte)i), 4096).SelectMany(b => b).ToArray();
            Assert.Equal($"{Convert.ToHexString(SHA256.HashData(seed)).ToLowerInvariant()} {seed.Length}\n", Encoding.UTF8.GetString(server.Stdout));
        }
    }

    private static string PythonString(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
}
