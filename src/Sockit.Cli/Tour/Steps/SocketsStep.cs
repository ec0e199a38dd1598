using System.Net.Sockets;
using Sockit.Cli.Rendering;
using Sockit.Sockets;

namespace Sockit.Cli.Tour;

/// <summary>Lesson step 3: making sockets: the default one, its family, type and protocol, a UDP one, and the constants' numbers.</summary>
internal sealed class SocketsStep : ITourStep
{
    public string Title => "Sockets: family, type and protocol";

    public Task<TourStep> RunAsync(int number, TourOptions options, CancellationToken cancellationToken)
    {
        using var mySocket = Py.Socket();
        var description = SocketDescription.Of(mySocket);
        using var udpSocket = Py.Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var udp = SocketDescription.Of(udpSocket);
        TourLine[] lines =
        [
            new("my_socket = socket.socket()\nmy_socket", "using var mySocket = Py.Socket();\nSocketDescription.Of(mySocket)",
                PyNaming.SocketRepr(description), "my_socket = socket.socket()\nmy_socket", Varies: ResultVaries.Descriptor),
            new("my_socket.family", "mySocket.AddressFamily", PyNaming.Family(description.Family), "my_socket.family"),
            new("my_socket.type", "mySocket.SocketType", PyNaming.SocketKind(description.SocketType), "my_socket.type"),
            new("my_socket.proto", "SocketDescription.Of(mySocket).Protocol", PyNaming.Proto(description.Protocol), "my_socket.proto"),
            new("socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)",
                "Py.Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)",
                PyNaming.SocketRepr(udp), "socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)", Varies: ResultVaries.Descriptor),
            new("int(socket.AF_INET), int(socket.SOCK_STREAM), int(socket.SOCK_DGRAM), socket.IPPROTO_TCP, socket.IPPROTO_UDP",
                "SocketConstants.ToOsNumber(AddressFamily.InterNetwork), ... (int)ProtocolType.Udp",
                PyRepr.Tuple(
                    PyRepr.Int(SocketConstants.ToOsNumber(AddressFamily.InterNetwork)),
                    PyRepr.Int(SocketConstants.ToOsNumber(SocketType.Stream)),
                    PyRepr.Int(SocketConstants.ToOsNumber(SocketType.Dgram)),
                    PyNaming.Proto(ProtocolType.Tcp),
                    PyNaming.Proto(ProtocolType.Udp)),
                "int(socket.AF_INET), int(socket.SOCK_STREAM), int(socket.SOCK_DGRAM), socket.IPPROTO_TCP, socket.IPPROTO_UDP"),
        ];
        return Task.FromResult(new TourStep(number, Title,
            "A socket is made from a family (AF_INET: IPv4), a type (SOCK_STREAM: TCP's byte stream, SOCK_DGRAM: UDP's datagrams) and a protocol (0: the type's default); the names stand for small integers of this OS.",
            lines,
            ["Python 3.11 and later print family=2, type=1 in a socket's repr; the lesson's older Python printed AddressFamily.AF_INET and SocketKind.SOCK_STREAM",
             "`sockit socket --type dgram --proto udp` and `sockit constants` show the same from the command line"]));
    }
}
