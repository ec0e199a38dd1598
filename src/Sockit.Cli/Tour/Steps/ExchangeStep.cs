using System.Net;
using System.Text;
using Sockit.Cli.Rendering;
using Sockit.Connections;
using Sockit.Servers;
using Sockit.Sockets;

namespace Sockit.Cli.Tour;

/// <summary>
/// Lesson step 6, its exercise: a server bound to 127.0.0.1 accepts a client, receives "Hey, can you hear me?",
/// answers "Yes, I can hear you.", and both close; every line runs on real sockets on loopback.
/// </summary>
internal sealed class ExchangeStep : ITourStep
{
    private const int LessonPort = 50000;
    private const string Question = "Hey, can you hear me?";

    // Short and bounded: the suite runs the tour many times.
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    public string Title => "Client and server: \"Hey, can you hear me?\" \"Yes, I can hear you.\"";

    public async Task<TourStep> RunAsync(int number, TourOptions options, CancellationToken cancellationToken)
    {
        const string explanation = "The server binds an address and listens; the client connects; the server accepts, which gives it a new socket for that client; "
            + "then each side sends bytes and receives what the other sent, and both close. A recv() that returns b'' means the other side has closed.";
        var notes = new List<string>();
        Listener server;
        try
        {
            server = Listener.Bind(ListenerOptions.Tcp(IPAddress.Loopback, LessonPort));
        }
        catch (ConnectionException e) when (e.Failure == SockitFailure.AddressInUse)
        {
            server = Listener.Bind(ListenerOptions.Tcp(IPAddress.Loopback));
            notes.Add($"port {LessonPort}, the lesson's, is in use here, so the server took port {server.Port}");
        }

        await using (server)
        {
            var port = server.Port;
            var address = $"('127.0.0.1', {port})";
            var lines = new List<TourLine>
            {
                TourLine.Checked($"server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)\nserver_socket.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\nserver_socket.bind({address})\nserver_socket.listen()\nserver_socket",
                    $"var server = Listener.Bind(ListenerOptions.Tcp(IPAddress.Loopback, {port}));\nSocketDescription.Of(server.Socket)",
                    PyNaming.SocketRepr(SocketDescription.Of(server.Socket)), ResultVaries.Descriptor),
            };

            // Accept while the client connects; the client's connect is awaited first, so a connect that fails
            // (no loopback here, say) ends the step instead of leaving the accept waiting.
            using var acceptDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            acceptDeadline.CancelAfter(s_timeout);
            var accepting = server.AcceptAsync(acceptDeadline.Token).AsTask();
            Connection client;
            try
            {
                client = await ConnectAsync(port, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await acceptDeadline.CancelAsync().ConfigureAwait(false);
                await Task.WhenAny(accepting).ConfigureAwait(false);
                throw;
            }
            await using var clientScope = client;
            var conn = await accepting.ConfigureAwait(false);
            await using var connScope = conn; // closed below, as the lesson does; this only covers a failure before that
            lines.Add(TourLine.Checked($"client_socket = socket.socket()\nclient_socket.connect({address})\nclient_socket",
                $"using var clientSocket = Py.Socket();\nawait clientSocket.ConnectAsync(IPAddress.Loopback, {port});\nSocketDescription.Of(clientSocket)",
                PyNaming.SocketRepr(SocketDescription.Of(client.Socket)), ResultVaries.Descriptor | ResultVaries.Port));
            lines.Add(TourLine.Checked("conn, addr = server_socket.accept()\naddr",
                "var conn = await server.AcceptAsync();\nconn.RemoteEndPoint",
                PyNaming.SockAddr(conn.RemoteEndPoint), ResultVaries.Port));

            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(s_timeout);
            await client.SendAsync(Encoding.UTF8.GetBytes(Question), deadline.Token).ConfigureAwait(false);
            lines.Add(TourLine.Checked($"client_socket.sendall({PyRepr.Str(Question)}.encode('utf8'))",
                $"await client.SendAsync(Encoding.UTF8.GetBytes(\"{Question}\"));", PyRepr.None));

            var buffer = new byte[4096];
            var received = await ReceiveAsync(conn, buffer, Question.Length, deadline.Token).ConfigureAwait(false);
            lines.Add(TourLine.Checked("conn.recv(4096)", "await conn.ReceiveAsync(buffer)", PyRepr.Bytes(received)));

            await conn.SendAsync(Encoding.UTF8.GetBytes(ReplyServer.LessonReply), deadline.Token).ConfigureAwait(false);
            await conn.DisposeAsync().ConfigureAwait(false);
            lines.Add(TourLine.Checked($"conn.sendall({PyRepr.Str(ReplyServer.LessonReply)}.encode('utf8'))\nconn.close()",
                $"await conn.SendAsync(Encoding.UTF8.GetBytes(ReplyServer.LessonReply));\nawait conn.DisposeAsync();  // close", PyRepr.None));

            var answer = await ReceiveAsync(client, buffer, ReplyServer.LessonReply.Length, deadline.Token).ConfigureAwait(false);
            lines.Add(TourLine.Checked("client_socket.recv(4096)", "await client.ReceiveAsync(buffer)", PyRepr.Bytes(answer)));

            var atEnd = await client.ReceiveAsync(buffer, deadline.Token).ConfigureAwait(false);
            lines.Add(TourLine.Checked("client_socket.recv(4096)  # the server has closed", "await client.ReceiveAsync(buffer)  // 0 bytes: closed",
                PyRepr.Bytes(buffer.AsSpan(0, atEnd))));
            lines.Add(ReceiveOnClosed(conn, buffer));
            lines.Add(TourLine.Checked("client_socket.close()\nserver_socket.close()", "await client.DisposeAsync();\nawait server.DisposeAsync();", PyRepr.None));
            notes.Add("close() ends the socket both ways and frees it: the peer's recv() then returns b'', and the closed socket can no longer be used (the line above). "
                + "shutdown(socket.SHUT_WR) (sockit: Connection.ShutdownSend) is a half-close: the peer also gets b'', but this side can still receive, and must still close");
            notes.Add("python3 ran the same lines on its own, after sockit's server had closed; the SO_REUSEADDR line, not in the lesson, lets it bind the port again while the closed connection lingers in TIME_WAIT "
                + "(the side that closes first keeps it), and its ephemeral ports are its own");
            notes.Add("`sockit listen 50000 --reply \"Yes, I can hear you.\"` and `sockit connect 127.0.0.1 50000 --send \"Hey, can you hear me?\"` do the same in two terminals");
            return new TourStep(number, Title, explanation, lines, notes);
        }
    }

    // The lesson's client: socket.socket() (protocol 0, the type's default) connected by hand, bounded in time.
    private static async Task<Connection> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var socket = Py.Socket();
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(s_timeout);
            await socket.ConnectAsync(IPAddress.Loopback, port, deadline.Token).ConfigureAwait(false);
            return new Connection(socket, Transport.Tcp);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // Python raises OSError (EBADF) on a closed socket; .NET throws ObjectDisposedException.
    private static TourLine ReceiveOnClosed(Connection conn, byte[] buffer)
    {
        const string python = "conn.recv(4096)  # conn is closed";
        const string csharp = "conn.Socket.Receive(buffer)  // conn is disposed";
        try
        {
            var n = conn.Socket.Receive(buffer);
            return TourLine.Checked(python, csharp, PyRepr.Bytes(buffer.AsSpan(0, n)));
        }
        catch (ObjectDisposedException e)
        {
            return TourLine.Checked(python, csharp, $"{nameof(ObjectDisposedException)}: {e.Message.Split('\n')[0]}") with
            {
                PythonView = "OSError: [Errno 9] Bad file descriptor",
                Raises = true,
            };
        }
    }

    // Receives until `expected` bytes or the peer closes: one recv usually holds the whole short message on loopback,
    // but TCP does not promise it, so the tour does not count on it.
    private static async Task<byte[]> ReceiveAsync(Connection connection, byte[] buffer, int expected, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        while (message.Length < expected)
        {
            var n = await connection.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }
            message.Write(buffer, 0, n);
        }
        return message.ToArray();
    }
}
