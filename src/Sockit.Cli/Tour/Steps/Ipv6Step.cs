using System.Net;
using System.Net.Sockets;
using System.Text;
using Sockit.Cli.Rendering;
using Sockit.Connections;

namespace Sockit.Cli.Tour;

/// <summary>
/// The lesson's "two different types of IP address", live: the client/server exchange once more over IPv6's loopback,
/// <c>::1</c>, where this machine has IPv6; where it has not, the step says so and the tour goes on.
/// </summary>
internal sealed class Ipv6Step : ITourStep
{
    private const string Question = "Hey, can you hear me?";
    private const string Answer = "Yes, I can hear you.";
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(5);

    public string Title => "IPv6: the same exchange over ::1";

    public async Task<TourStep> RunAsync(int number, TourOptions options, CancellationToken cancellationToken)
    {
        const string explanation = "AF_INET6 sockets carry IPv6 addresses: 128 bits, written in hex with colons; ::1 is IPv6's loopback, as 127.0.0.1 is IPv4's. "
            + "An IPv6 socket address has four parts: (host, port, flowinfo, scope_id).";
        Socket server;
        try
        {
            server = Py.Socket(AddressFamily.InterNetworkV6);
            server.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        }
        catch (Exception e) when (e is SocketException or SockitException)
        {
            return new TourStep(number, Title, explanation, [],
                [$"IPv6 is not available here ({e.Message}), so this step shows nothing; the rest of the tour is IPv4 and goes on"]) { PythonAsked = true };
        }
        using (server)
        {
            server.Listen();
            var port = ((IPEndPoint)server.LocalEndPoint!).Port;
            var lines = new List<TourLine>
            {
                TourLine.Checked("server6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)\nserver6.bind(('::1', 0))\nserver6.listen()\nserver6.getsockname()",
                    "using var server6 = Py.Socket(AddressFamily.InterNetworkV6);\nserver6.Bind(new IPEndPoint(IPAddress.IPv6Loopback, 0));\nserver6.Listen();\nserver6.LocalEndPoint",
                    PyNaming.SockAddr(server.LocalEndPoint), ResultVaries.Port),
            };
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(s_timeout);
            await using var client = await Connector.ConnectAsync("::1", port, new ConnectOptions { ConnectTimeout = s_timeout }, deadline.Token).ConfigureAwait(false);
            using var conn = await server.AcceptAsync(deadline.Token).ConfigureAwait(false);
            lines.Add(TourLine.Checked("client6 = socket.create_connection(server6.getsockname()[:2])\nconn6, addr6 = server6.accept()\naddr6",
                "await using var client6 = await Connector.ConnectAsync(\"::1\", port);\nusing var conn6 = await server6.AcceptAsync();\nconn6.RemoteEndPoint",
                PyNaming.SockAddr(conn.RemoteEndPoint), ResultVaries.Port));

            await client.SendAsync(Encoding.UTF8.GetBytes(Question), deadline.Token).ConfigureAwait(false);
            var buffer = new byte[4096];
            var heard = await ReceiveAsync(conn, buffer, Question.Length, deadline.Token).ConfigureAwait(false);
            lines.Add(TourLine.Checked($"client6.sendall({PyRepr.Bytes(Encoding.UTF8.GetBytes(Question))})\nconn6.recv(4096)",
                $"await client6.SendAsync(\"{Question}\"u8.ToArray());\nawait conn6.ReceiveAsync(buffer)", PyRepr.Bytes(heard)));

            await conn.SendAsync(Encoding.UTF8.GetBytes(Answer), SocketFlags.None, deadline.Token).ConfigureAwait(false);
            conn.Close();
            using var answer = new MemoryStream();
            while (true)
            {
                var n = await client.ReceiveAsync(buffer, deadline.Token).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }
                answer.Write(buffer, 0, n);
            }
            lines.Add(TourLine.Checked($"conn6.sendall({PyRepr.Bytes(Encoding.UTF8.GetBytes(Answer))})\nconn6.close()\nclient6.recv(4096)",
                $"await conn6.SendAsync(\"{Answer}\"u8.ToArray());\nconn6.Close();\nawait client6.ReceiveAsync(buffer)", PyRepr.Bytes(answer.ToArray())));
            lines.Add(TourLine.Checked("client6.close()\nserver6.close()", "await client6.DisposeAsync();\nserver6.Dispose();", PyRepr.None));
            var step = new TourStep(number, Title, explanation, lines,
                ["everything but the addresses is as over IPv4: the socket API hides the family once the address is chosen",
                 "`sockit listen 9000 --bind ::1` and `sockit connect ::1 9000` do the same from two terminals"]);
            return step;
        }
    }

    // Receives until `expected` bytes or the peer closes: TCP does not promise the message in one recv.
    private static async Task<byte[]> ReceiveAsync(Socket socket, byte[] buffer, int expected, CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        while (message.Length < expected)
        {
            var n = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }
            message.Write(buffer, 0, n);
        }
        return message.ToArray();
    }
}
