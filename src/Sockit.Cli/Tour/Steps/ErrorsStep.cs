using System.Net;
using System.Net.Sockets;
using Sockit.Cli.Rendering;

namespace Sockit.Cli.Tour;

/// <summary>
/// The lesson's "you can use the type of error to tell why the connection failed", live: a refused connection, a
/// lookup that fails without asking any DNS server, and a timeout, each beside python3's exception.
/// </summary>
internal sealed class ErrorsStep : ITourStep
{
    // Short and bounded: the suite runs the tour many times.
    private static readonly TimeSpan s_timeout = TimeSpan.FromMilliseconds(200);

    public string Title => "Errors: the type of error tells why it failed";

    public async Task<TourStep> RunAsync(int number, TourOptions options, CancellationToken cancellationToken)
    {
        TourLine[] lines =
        [
            await RefusedAsync(cancellationToken).ConfigureAwait(false),
            UnknownService(),
            await TimedOutAsync(cancellationToken).ConfigureAwait(false),
        ];
        return new TourStep(number, Title,
            "A call that fails raises an error whose type says why: refused (nothing listens on that port), a name or service the resolver does not know, "
                + "a timeout (the peer said nothing in time). sockit's exceptions carry the same fact as a failure kind (SockitFailure) beside the OS's error.",
            lines,
            ["the unknown service fails inside this machine's resolver, from /etc/services, so no DNS server is asked",
             "`sockit connect 127.0.0.1 PORT` turns each failure into one line with what to try, and an exit code (69 refused, 68 not found, 75 timed out)"]);
    }

    private static async Task<TourLine> RefusedAsync(CancellationToken cancellationToken)
    {
        const string python = "free = socket.socket()\nfree.bind(('127.0.0.1', 0))  # bound, not listening: nothing accepts on its port\nsocket.create_connection(free.getsockname(), timeout=1)";
        const string csharp = "using var free = Py.Socket();\nfree.Bind(new IPEndPoint(IPAddress.Loopback, 0));\nawait Py.CreateConnectionAsync((\"127.0.0.1\", port), TimeSpan.FromSeconds(1));";
        using var free = Py.Socket();
        free.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)free.LocalEndPoint!).Port;
        try
        {
            await using var connection = await Py.CreateConnectionAsync(("127.0.0.1", port), TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            return TourLine.Checked(python, csharp, PyNaming.SocketRepr(Sockets.SocketDescription.Of(connection.Socket)));
        }
        catch (SockitException e)
        {
            return PythonErrors.Raised(python, csharp, e);
        }
    }

    private static TourLine UnknownService()
    {
        const string python = "socket.getaddrinfo('localhost', 'no-such-service')";
        const string csharp = "Py.GetAddrInfo(\"localhost\", \"no-such-service\")";
        try
        {
            return TourLine.Checked(python, csharp, PyNaming.AddrInfoList(Py.GetAddrInfo("localhost", "no-such-service")));
        }
        catch (SockitException e)
        {
            return PythonErrors.Raised(python, csharp, e);
        }
    }

    private static async Task<TourLine> TimedOutAsync(CancellationToken cancellationToken)
    {
        var seconds = s_timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var python = $"quiet = socket.create_server(('127.0.0.1', 0))  # listens, never accepts, never sends\nclient_socket = socket.create_connection(quiet.getsockname(), timeout={seconds})\nclient_socket.recv(4096)";
        var csharp = $"using var quiet = Py.CreateServer((\"127.0.0.1\", 0));\nusing var client = await Py.CreateConnectionAsync((\"127.0.0.1\", quiet.Port), TimeSpan.FromSeconds({seconds}));\n"
            + $"client.Socket.ReceiveTimeout = {s_timeout.TotalMilliseconds:0};\nclient.Socket.Receive(buffer)";
        using var quiet = Py.CreateServer(("127.0.0.1", 0));
        await using var client = await Py.CreateConnectionAsync(("127.0.0.1", quiet.Port), s_timeout, cancellationToken).ConfigureAwait(false);
        client.Socket.ReceiveTimeout = (int)s_timeout.TotalMilliseconds;
        var buffer = new byte[4096];
        try
        {
            var n = client.Socket.Receive(buffer);
            return TourLine.Checked(python, csharp, PyRepr.Bytes(buffer.AsSpan(0, n)));
        }
        catch (SocketException e)
        {
            return PythonErrors.Raised(python, csharp, e);
        }
    }
}
