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

    /// <summary>
    /// A TLS server (python3's ssl, the certificate and key given) that reads to the client's end, then answers
    /// <c>close_notify after N bytes: DATA</c> and closes with its own close_notify. suppress_ragged_eofs=False: a bare
    /// TCP FIN without close_notify would raise SSLEOFError instead of reading b'', so an answer proves the client's
    /// half-close was a close_notify.
    /// </summary>
    public static string TlsCloseNotifyServer(string certificatePath, string keyPath) => TcpServerPrologue + $$"""
        import ssl
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain({{Quote(certificatePath)}}, {{Quote(keyPath)}})
        conn, _ = srv.accept()
        s = ctx.wrap_socket(conn, server_side=True, suppress_ragged_eofs=False)
        data = b''
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
        s.sendall(b'close_notify after %d bytes: %s' % (len(data), data))
        s.unwrap()
        conn.close()
        """;

    /// <summary>A path as a Python string literal.</summary>
    public static string Quote(string path) => "'" + path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    [GeneratedRegex(@"port (\d+)")]
    private static partial Regex PortPattern();
}
