using System.Net;
using System.Net.Sockets;
using Sockit.Cli.Rendering;

namespace Sockit.Cli.Tour;

/// <summary>
/// The lesson's "TCP and UDP", live: datagrams on loopback with sendto and recvfrom, no connection, each datagram
/// delivered whole (or cut to the buffer, the rest lost), none joined to the next.
/// </summary>
internal sealed class UdpStep : ITourStep
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromMilliseconds(200);

    public string Title => "TCP and UDP: datagrams, each whole, no connection";

    public Task<TourStep> RunAsync(int number, TourOptions options, CancellationToken cancellationToken)
    {
        using var receiver = Py.Socket(AddressFamily.InterNetwork, SocketType.Dgram);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var sender = Py.Socket(AddressFamily.InterNetwork, SocketType.Dgram);
        var to = receiver.LocalEndPoint!;
        var first = sender.SendTo("first"u8, SocketFlags.None, to);
        var second = sender.SendTo("second datagram"u8, SocketFlags.None, to);
        var lines = new List<TourLine>
        {
            TourLine.Checked(
                "receiver = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\nreceiver.bind(('127.0.0.1', 0))\nsender = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\n"
                    + "sender.sendto(b'first', receiver.getsockname()), sender.sendto(b'second datagram', receiver.getsockname())",
                "using var receiver = Py.Socket(AddressFamily.InterNetwork, SocketType.Dgram);\nreceiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));\n"
                    + "using var sender = Py.Socket(AddressFamily.InterNetwork, SocketType.Dgram);\n(sender.SendTo(\"first\"u8, receiver.LocalEndPoint), sender.SendTo(\"second datagram\"u8, receiver.LocalEndPoint))",
                PyRepr.Tuple(PyRepr.Int(first), PyRepr.Int(second))),
        };

        var buffer = new byte[4096];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        receiver.ReceiveTimeout = (int)s_timeout.TotalMilliseconds;
        var n = receiver.ReceiveFrom(buffer, ref from);
        lines.Add(TourLine.Checked("receiver.recvfrom(4096)", "var n = receiver.ReceiveFrom(buffer, ref from);\n(buffer[..n], from)",
            PyRepr.Tuple(PyRepr.Bytes(buffer.AsSpan(0, n)), PyNaming.SockAddr(from)), ResultVaries.Port));

        var small = new byte[6];
        lines.Add(Receive("receiver.recv(6)  # a buffer shorter than the datagram: the rest of it is dropped",
            "receiver.Receive(new byte[6])", receiver, small));
        lines.Add(Receive($"receiver.settimeout({s_timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)})\nreceiver.recv(4096)  # nothing more: the dropped bytes never come",
            $"receiver.ReceiveTimeout = {s_timeout.TotalMilliseconds:0};\nreceiver.Receive(buffer)", receiver, buffer));
        return Task.FromResult(new TourStep(number, Title,
            "SOCK_DGRAM is UDP: no listen, accept or connect; sendto names the peer each time and recvfrom says who sent. "
                + "Each recv returns one datagram, never part of one and the start of the next, as TCP's byte stream may.",
            lines,
            ["a datagram longer than the buffer is cut to it and the rest is dropped: UDP keeps each datagram's bounds and nothing else, TCP keeps no bounds and loses nothing",
             "`sockit listen -u 9000` and `sockit connect -u 127.0.0.1 9000` exchange datagrams from two terminals"]));
    }

    // recv on a datagram socket: the datagram, cut to the buffer (Python returns the cut part; .NET throws MessageSize
    // with the buffer filled), or a timeout.
    private static TourLine Receive(string python, string csharp, Socket receiver, byte[] buffer)
    {
        try
        {
            var n = receiver.Receive(buffer);
            return TourLine.Checked(python, csharp, PyRepr.Bytes(buffer.AsSpan(0, n)));
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize)
        {
            return TourLine.Checked(python, csharp, $"SocketException (MessageSize): {e.Message}; buffer holds {PyRepr.Bytes(buffer)}") with
            {
                PythonView = PyRepr.Bytes(buffer),
            };
        }
        catch (SocketException e)
        {
            return PythonErrors.Raised(python, csharp, e);
        }
    }
}
