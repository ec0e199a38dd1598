using System.Globalization;
using System.Net.Sockets;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Netcat;

/// <summary>
/// Every failure of connect and listen is one line, "sockit: what failed: why (what to try)", with the exit code that
/// docs/ARCHITECTURE.md lists. The cases here need no namespace; NetcatFailureTests and NetcatFallbackTests hold the others.
/// </summary>
public sealed class NetcatHintTests
{
    [Theory]
    [InlineData(new[] { "connect", "-4", "::1", "9" }, 68, "sockit: address ::1 is not IPv4 (drop -4, or give an IPv4 address)")]
    [InlineData(new[] { "connect", "-6", "127.0.0.1", "9" }, 68, "sockit: address 127.0.0.1 is not IPv6 (drop -6, or give an IPv6 address)")]
    [InlineData(new[] { "connect", "127.0.0.1", "no-such-service" }, 68, "sockit: service 'no-such-service' not found for tcp (give a port number, or find the name with 'sockit service --list')")]
    [InlineData(new[] { "listen", "no-such-service" }, 68, "sockit: service 'no-such-service' not found for tcp (give a port number, or find the name with 'sockit service --list')")]
    [InlineData(new[] { "connect", "-U", "/nonexistent-sockit-dir/socket" }, 69, "sockit: connect to unix socket /nonexistent-sockit-dir/socket failed: no such file (check the path; is the server running?)")]
    [InlineData(new[] { "listen", "-U", "/nonexistent-sockit-dir/socket" }, 69, "sockit: cannot listen on unix socket /nonexistent-sockit-dir/socket: Cannot assign requested address (check that the directory of /nonexistent-sockit-dir/socket exists)")]
    [InlineData(new[] { "listen", "0", "--bind", "::2" }, 69, "sockit: cannot listen on [::2]:0: Cannot assign requested address (that address is not one of this machine's: bind 127.0.0.1, ::1 or one that 'sockit host' lists)")]
    [InlineData(new[] { "connect", "-z", "-u", "127.0.0.1", "9" }, 64, "sockit: -z checks TCP ports: UDP has no handshake to tell an open port from a closed one (drop -u; for UDP, send something with -u --send TEXT and see whether a reply comes)")]
    public async Task Failure_OneLineWithWhatToTry(string[] args, int exitCode, string expected)
    {
        var result = await Cli.RunAsync(args);
        Assert.Equal((exitCode, expected + "\n"), (result.ExitCode, result.Stderr));
    }

    [Fact]
    public async Task Connect_UnixPathThatIsNotASocket_RefusedWithWhatToTry()
    {
        var path = Path.GetTempFileName();
        try
        {
            var result = await Cli.RunAsync("connect", "-U", path);
            Assert.Equal((69, $"sockit: connect to unix socket {path} failed: Connection refused (no server accepts on it: start the server, or check the path)\n"), (result.ExitCode, result.Stderr));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Connect_UdpNobodyListening_RefusedWithWhatToTry()
    {
        var port = FreePorts.Get(SocketType.Dgram);
        var result = await Cli.RunProcessAsync(["connect", "-u", "127.0.0.1", P(port), "--send", "anyone?"]);
        Assert.Equal(69, result.ExitCode);
        Assert.Equal($"sockit: receive from 127.0.0.1:{port} failed: Connection refused (nothing is listening on that port: check the port, or start the server first)\n", result.Stderr);
    }

    [Fact]
    public async Task Connect_PeerStopsReadingAndResets_IoError74WithWhatToTry()
    {
        // The peer reads 5 bytes and closes with the rest unread, so its kernel resets the connection; sockit learns it
        // from a receive (reset) or from a send after the peer's FIN, whichever comes first. (--send, not stdin: sockit
        // stops reading its input then, and the test's pipe would break.)
        var (python, port) = await PythonPeer.StartServerAsync(PythonPeer.TcpServerPrologue + """
            conn, _ = srv.accept()
            conn.recv(5)
            conn.close()
            """);
        await using (python)
        {
            var result = await Cli.RunProcessAsync(["connect", "127.0.0.1", P(port), "--send", new string('x', 100_000)]);
            Assert.Equal(74, result.ExitCode);
            Assert.Matches(
                $@"^sockit: (connection to 127\.0\.0\.1:{port} reset by peer \(the peer aborted the connection; its own log may say why\)|127\.0\.0\.1:{port} closed the connection before all the input was sent \(\d+ bytes sent; it stopped reading\) \(check what it expects, or send less\))\n$",
                result.Stderr);
        }
    }

    [Fact]
    public async Task Listen_UnixPathExists_Unavailable69WithWhatToTry()
    {
        var path = Path.GetTempFileName();
        try
        {
            var result = await Cli.RunAsync("listen", "-U", path);
            Assert.Equal((69, $"sockit: cannot listen on unix socket {path}: Address already in use ({path} exists: remove it if no server uses it)\n"), (result.ExitCode, result.Stderr));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);
}
