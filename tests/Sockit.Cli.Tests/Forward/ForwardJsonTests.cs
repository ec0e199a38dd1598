using System.Text.Json;
using Sockit.Cli.Tests.Netcat;
using static Sockit.Cli.Tests.Forward.ForwardProcess;

namespace Sockit.Cli.Tests.Forward;

/// <summary>sockit forward --format json: JSON Lines events on stdout, each with "version": 1 (docs/cli-json.md).</summary>
public sealed class ForwardJsonTests
{
    [Fact]
    public async Task Json_ListeningConnectedClosed_WithTheBytesEachWay()
    {
        var target = PythonPeer.TcpServerPrologue + """
            conn, _ = srv.accept()
            data = b''
            while True:
                chunk = conn.recv(65536)
                if not chunk:
                    break
                data += chunk
            conn.sendall(data * 3)
            conn.close()
            """;
        var (server, targetPort) = await PythonPeer.StartServerAsync(target);
        await using (server)
        {
            var (forward, port) = await StartAsync("0", $"127.0.0.1:{P(targetPort)}", "--format", "json");
            await using (forward)
            {
                var output = await PythonAsync($$"""
                    import socket
                    s = socket.create_connection(('127.0.0.1', {{P(port)}}))
                    s.sendall(b'x' * 1000)
                    s.shutdown(socket.SHUT_WR)
                    n = 0
                    while True:
                        chunk = s.recv(65536)
                        if not chunk:
                            break
                        n += len(chunk)
                    print(n, s.getsockname()[1])
                    """);
                var clientPort = output.Trim().Split(' ')[1];
                Assert.StartsWith("3000 ", output, StringComparison.Ordinal);
                await forward.WaitForStderrAsync("listening on ");
                await forward.SignalAsync("INT");
                var (exitCode, stdout, _) = await forward.WaitAsync();
                Assert.Equal(130, exitCode);
                var lines = System.Text.Encoding.UTF8.GetString(stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                Assert.Equal(3, lines.Length);
                Assert.Equal($"{{\"version\":1,\"event\":\"listening\",\"local\":\"127.0.0.1:{port}\",\"transport\":\"tcp\",\"target\":\"127.0.0.1:{targetPort}\",\"targetTransport\":\"tcp\"}}", lines[0]);
                Assert.Equal($"{{\"version\":1,\"event\":\"connected\",\"client\":\"127.0.0.1:{clientPort}\",\"target\":\"127.0.0.1:{targetPort}\",\"targetAddress\":\"127.0.0.1:{targetPort}\"}}", lines[1]);
                using var closed = JsonDocument.Parse(lines[2]);
                Assert.Equal(1, closed.RootElement.GetProperty("version").GetInt32());
                Assert.Equal("closed", closed.RootElement.GetProperty("event").GetString());
                Assert.Equal($"127.0.0.1:{clientPort}", closed.RootElement.GetProperty("client").GetString());
                Assert.Equal(1000, closed.RootElement.GetProperty("bytesUp").GetInt64());
                Assert.Equal(3000, closed.RootElement.GetProperty("bytesDown").GetInt64());
                Assert.True(closed.RootElement.GetProperty("seconds").GetDouble() >= 0);
                Assert.False(closed.RootElement.TryGetProperty("error", out _));
            }
        }
    }
}
