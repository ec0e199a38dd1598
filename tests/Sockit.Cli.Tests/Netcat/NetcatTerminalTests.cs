using System.Globalization;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Netcat;

/// <summary>
/// With a terminal on stdin (a pty from util-linux's <c>script</c>), a peer that closes first ends sockit at once: a
/// terminal's input never ends by itself, so waiting for it would hang. The test's pipe into <c>script</c> stays
/// open the whole time, so only the peer's close can end the run. stdout goes to a file inside the pty, so the test
/// sees sockit's bytes exactly (the pty would turn \n into \r\n, and .NET writes terminal set-up sequences to it).
/// </summary>
public sealed class NetcatTerminalTests
{
    [Fact]
    public async Task Connect_TerminalInput_PeerClosesFirst_ExitsWithWhatCame()
    {
        var (python, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + """
            conn, _ = srv.accept()
            conn.sendall(b'bye\n')
            conn.close()
            """);
        await using (python)
        {
            using var files = new TempFiles();
            await using var script = StartInPty($"{Cli.ShellCommand} connect 127.0.0.1 {P(port)} > {files.Quoted("out")} 2> {files.Quoted("err")}");
            var result = await script.WaitAsync(TimeSpan.FromSeconds(15));
            Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {files.Read("err")}");
            Assert.Equal("bye\n", files.Read("out"));
            Assert.Equal("", files.Read("err"));
        }
    }

    [Fact]
    public async Task Listen_TerminalInput_ClientClosesFirst_ExitsWithWhatCame()
    {
        var port = FreePorts.Get();
        using var files = new TempFiles();
        await using var script = StartInPty($"{Cli.ShellCommand} listen {P(port)} > {files.Quoted("out")} 2> {files.Quoted("err")}");
        await files.WaitForAsync("err", "listening on ");
        var client = await Python.RunAsync($"""
            import socket
            c = socket.create_connection(('127.0.0.1', {port}))
            c.sendall(b'from a client that closes first\n')
            c.close()
            print('sent')
            """);
        Assert.Equal("sent\n", client);
        var result = await script.WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}: {files.Read("err")}");
        Assert.Equal("from a client that closes first\n", files.Read("out"));
        Assert.StartsWith($"listening on 127.0.0.1:{port} (tcp; loopback only", files.Read("err"), StringComparison.Ordinal);
        Assert.Contains("connection from 127.0.0.1:", files.Read("err"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Connect_CtrlCWhileConnected_Exits130WithoutATrace()
    {
        // Ctrl-C while both directions wait (stdin open, the peer silent): the command ends at once, and the signal
        // handler must not trip over the finished command (it once printed an ObjectDisposedException's stack trace;
        // that was a race, seen once by hand, which this test does not catch every time).
        var (python, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + """
            import time
            conn, _ = srv.accept()
            print('accepted', file=sys.stderr, flush=True)
            time.sleep(10)
            """);
        await using (python)
        {
            await using var connect = BackgroundProcess.Sockit("connect", "127.0.0.1", P(port));
            await python.WaitForStderrAsync("accepted");
            await connect.SignalAsync("INT");
            var result = await connect.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal((130, ""), (result.ExitCode, result.Stderr));
        }
    }

    /// <summary>Runs a shell command line under <c>script -q -e</c> (a pty on its stdin, exit code passed through); its own stdin stays an open pipe.</summary>
    private static BackgroundProcess StartInPty(string commandLine)
    {
        var script = Peers.Require("script");
        return BackgroundProcess.Start(script, "-q", "-e", "-c", commandLine, "/dev/null");
    }

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    private sealed class TempFiles : IDisposable
    {
        private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("sockit-pty-");

        public string Quoted(string name) => MountNamespace.Quote(Path.Combine(_directory.FullName, name));

        public string Read(string name) => File.ReadAllText(Path.Combine(_directory.FullName, name));

        public async Task WaitForAsync(string name, string text)
        {
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
            while (!(File.Exists(Path.Combine(_directory.FullName, name)) && Read(name).Contains(text, StringComparison.Ordinal)))
            {
                Assert.True(DateTime.UtcNow < deadline, $"no '{text}' in {name} in time");
                await Task.Delay(20);
            }
        }

        public void Dispose() => _directory.Delete(recursive: true);
    }
}
