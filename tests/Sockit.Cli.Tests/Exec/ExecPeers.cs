using System.Globalization;
using Sockit.Cli.Tests.Netcat;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Exec;

/// <summary>The peers of the --exec tests: a python3 client that sends a file, half-closes and reads to the end.</summary>
internal static class ExecPeers
{
    /// <summary>
    /// python3 connects to 127.0.0.1:PORT, sends FILE from a thread (so a program that answers as it reads never
    /// deadlocks it), shuts its sending side down, reads until end-of-file, and writes what came to stdout.
    /// </summary>
    private const string SendAllThenRead = """
        import socket, sys, threading
        port, path = int(sys.argv[1]), sys.argv[2]
        s = socket.create_connection(('127.0.0.1', port))
        data = open(path, 'rb').read()
        def send():
            s.sendall(data)
            s.shutdown(socket.SHUT_WR)
        t = threading.Thread(target=send)
        t.start()
        out = sys.stdout.buffer
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            out.write(chunk)
        t.join()
        out.flush()
        """;

    public static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>Sends <paramref name="data"/> to the port with python3, half-closes, and returns every byte that came back.</summary>
    public static async Task<ProcessResult> PythonSendAndReadAsync(int port, byte[] data, TimeSpan? timeout = null)
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllBytesAsync(path, data);
            return await ProcessRunner.RunAsync(Peers.Require("python3"), ["-c", SendAllThenRead, P(port), path], timeout: timeout ?? TimeSpan.FromSeconds(30));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Starts <c>sockit listen 0 ARGS</c> and waits for its listening line.</summary>
    public static Task<(BackgroundProcess Process, int Port)> ListenAsync(params string[] arguments) => BackgroundProcess.SockitListenAsync(["0", .. arguments]);
}
