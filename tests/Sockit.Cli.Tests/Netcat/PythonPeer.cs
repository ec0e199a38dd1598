using System.Globalization;
using System.Text.RegularExpressions;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Netcat;

/// <summary>A python3 socket script as a peer: the script binds port 0 and prints <c>port N</c> on stderr before serving.</summary>
public static partial class PythonPeer
{
    public static async Task<(BackgroundProcess Process, int Port)> StartServerAsync(string script, params string[] arguments)
    {
        var python = Peers.Require("python3");
        var process = BackgroundProcess.Start(python, ["-u", "-c", script, .. arguments]);
        var line = await process.WaitForStderrAsync("port ");
        return (process, int.Parse(PortPattern().Match(line).Groups[1].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Python's opening lines for a TCP server on 127.0.0.1, port 0, announcing its port.</summary>
    public const string TcpServerPrologue = """
        import socket, sys
        srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        srv.bind(('127.0.0.1', 0))
        srv.listen(8)
        print('port', srv.getsockname()[1], file=sys.stderr, flush=True)

        """;

    [GeneratedRegex(@"port (\d+)")]
    private static partial Regex PortPattern();
}
