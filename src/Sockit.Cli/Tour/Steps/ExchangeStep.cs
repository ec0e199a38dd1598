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
            var lines = new List<TourLine>
            {
                new($"server_socket = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)\nserver_socket.bind(('127.0.0.1', {port}))\nserver_socket.listen()\nserver_socket",
                    $"var server = Listener.Bind(ListenerOptions.Tcp(IPAddress.Loopback, {port}));\nSocketDescription.Of(server.Socket)",
                    PyNaming.SocketRepr(SocketDescription.Of(server.Socket))),
            };

            // Accept while the client connects; the client's connect is awaited first, so a connect that fails
            // (no loopback here, say) ends the step instead of leaving the accept waiting forever.
            using var acceptDeadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            acceptDeadline.CancelAfter(TimeSpan.FromSeconds(10));
            var accepting = server.AcceptAsync(acceptDeadline.Token).AsTask();
            Connection client;
            try
            {
                client = await Connector.ConnectAsync("127.0.0.1", port, new ConnectOptions { ConnectTimeout = TimeSpan.FromSeconds(10) }, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await acceptDeadline.CancelAsync().ConfigureAwait(false);
                await Task.WhenAny(accepting).ConfigureAwait(false);
                throw;
            }
            await using var clientScope = client;
            await using var conn = await accepting.ConfigureAwait(false);
            lines.Add(new($"client_socket = socket.socket()\nclient_socket.connect(('127.0.0.1', {port}))\nclient_socket",
                $"var client = await Connector.ConnectAsync(\"127.0.0.1\", {port});\nSocketDescription.Of(client.Socket)",
                PyNaming.SocketRepr(SocketDescription.Of(client.Socket))));
            lines.Add(new("conn, addr = server_socket.accept()\naddr",
                "var conn = await server.AcceptAsync();\nconn.RemoteEndPoint",
                PyNaming.SockAddr(conn.RemoteEndPoint)));

            await client.SendAsync(Encoding.UTF8.GetBytes(Question), cancellationToken).ConfigureAwait(false);
            lines.Add(new($"client_socket.sendall({PyRepr.Str(Question)}.encode('utf8'))",
                $"await client.SendAsync(Encoding.UTF8.GetBytes(\"{Question}\"));", PyRepr.None));

            var buffer = new byte[4096];
            var received = await ReceiveAsync(conn, buffer, Question.Length, cancellationToken).ConfigureAwait(false);
            lines.Add(new("conn.recv(4096)", "await conn.ReceiveAsync(buffer)", PyRepr.Bytes(received)));

            await conn.SendAsync(Encoding.UTF8.GetBytes(ReplyServer.LessonReply), cancellationToken).ConfigureAwait(false);
            conn.ShutdownSend();
            lines.Add(new($"conn.sendall({PyRepr.Str(ReplyServer.LessonReply)}.encode('utf8'))\nconn.close()",
                $"await conn.SendAsync(Encoding.UTF8.GetBytes(ReplyServer.LessonReply));\nconn.ShutdownSend();", PyRepr.None));

            var answer = await ReceiveAsync(client, buffer, ReplyServer.LessonReply.Length, cancellationToken).ConfigureAwait(false);
            lines.Add(new("client_socket.recv(4096)", "await client.ReceiveAsync(buffer)", PyRepr.Bytes(answer)));

            var atEnd = await client.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            lines.Add(new("client_socket.recv(4096)  # the server has closed", "await client.ReceiveAsync(buffer)  // 0 bytes: closed",
                PyRepr.Bytes(buffer.AsSpan(0, atEnd))));
            lines.Add(new("client_socket.close()\nserver_socket.close()", "await client.DisposeAsync();\nawait server.DisposeAsync();", PyRepr.None));
            notes.Add("`sockit listen 50000 --reply \"Yes, I can hear you.\"` and `sockit connect 127.0.0.1 50000 --send \"Hey, can you hear me?\"` do the same in two terminals");
            return new TourStep(number, Title, explanation, lines, notes);
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
