using System.Text;
using Sockit.Testing;
using static Sockit.Cli.Tests.Netcat.NcParityTests;

namespace Sockit.Cli.Tests.Netcat;

/// <summary>
/// <c>sockit nc -e</c>, <c>-c</c> and <c>-v</c> against ncat: these run connect/listen's <c>--exec</c>, <c>--sh-exec</c>
/// and <c>-v</c>, which other branches add (issue 13's exec, connect-path and server slices); they pass once those are merged.
/// The exec tests check hand-written bytes, not ncat's: ncat 7.93 -e never closes the program's stdin when the peer
/// half-closes (nmap/nmap#2510), so a program that answers at end-of-file (tr, rev) sends nothing under ncat.
/// </summary>
public sealed class NcExecParityTests
{
    [Theory]
    [InlineData("-e", "/usr/bin/tr a-z A-Z")]
    [InlineData("-c", "tr a-z A-Z | rev")]
    public async Task ListenExec_ClientGetsTheProgramsOutput_AfterHalfClose(string flag, string command)
    {
        var python = Peers.Require("python3");
        var answers = new List<string>();
        foreach (var (program, prefix) in Runners().Skip(1))
        {
            var port = FreePorts.Get();
            await using var listener = BackgroundProcess.Start(program, [.. prefix, "-l", "127.0.0.1", P(port), flag, command]);
            listener.Stdin.Close();
            var client = await ProcessRunner.RunAsync(python, ["-c", ConnectWhenListening(port) + """
                s.sendall(b'hello exec\n')
                s.shutdown(socket.SHUT_WR)
                data = b''
                while True:
                    chunk = s.recv(65536)
                    if not chunk: break
                    data += chunk
                print(data.decode(), end='')
                """], timeout: TimeSpan.FromSeconds(20));
            await listener.WaitAsync(TimeSpan.FromSeconds(20));
            answers.Add(client.Stdout);
        }
        Assert.Equal(command.Contains("rev", StringComparison.Ordinal) ? "CEXE OLLEH\n" : "HELLO EXEC\n", answers[0]);
    }

    [Fact]
    public async Task ConnectExec_ThePeerGetsTheProgramsOutput_AfterHalfClose()
    {
        foreach (var (program, prefix) in Runners().Skip(1))
        {
            var (server, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + """
                conn, _ = srv.accept()
                conn.sendall(b'from server\n')
                conn.shutdown(socket.SHUT_WR)
                data = b''
                while True:
                    chunk = conn.recv(65536)
                    if not chunk: break
                    data += chunk
                print(data.decode(), end='', flush=True)
                """);
            await using (server)
            {
                var client = await ProcessRunner.RunAsync(program, [.. prefix, "-e", "/usr/bin/tr a-z A-Z", "127.0.0.1", P(port)], [], TimeSpan.FromSeconds(20));
                Assert.Equal(0, client.ExitCode);
                Assert.Equal("FROM SERVER", await SinkReportAsync(server));
            }
        }
    }

    [Fact]
    public async Task Verbose_ConnectsAndSaysSoOnStderr_StdoutUnchanged()
    {
        var data = Encoding.ASCII.GetBytes("verbose bytes\n");
        foreach (var (program, prefix) in Runners())
        {
            var (sink, port) = await PythonPeer.StartServerAsync(SinkScriptForVerbose);
            await using (sink)
            {
                var client = await ProcessRunner.RunAsync(program, [.. prefix, "-v", "127.0.0.1", P(port)], data, TimeSpan.FromSeconds(20));
                Assert.Equal(0, client.ExitCode);
                Assert.Equal("", client.Stdout);
                Assert.Contains("127.0.0.1", client.Stderr, StringComparison.Ordinal);
                Assert.Equal(Sha(data), await SinkReportAsync(sink));
            }
        }
    }

    private const string SinkScriptForVerbose = PythonPeer.TcpServerPrologue + """
        import hashlib
        conn, _ = srv.accept()
        data = b''
        while True:
            chunk = conn.recv(65536)
            if not chunk: break
            data += chunk
        print(hashlib.sha256(data).hexdigest(), flush=True)
        """;
}
