using Sockit.Cli.Rendering;

namespace Sockit.Cli.Tour;

/// <summary>Lesson step 2: finding out about hosts: this machine's name and address, a name's addresses, getaddrinfo.</summary>
internal sealed class NamesStep : ITourStep
{
    public string Title => "Hosts: this machine's name, a name's addresses, and getaddrinfo";

    public Task<TourStep> RunAsync(int number, TourOptions options, CancellationToken cancellationToken)
    {
        TourLine[] lines =
        [
            TourLine.Live("socket.gethostname()", "Py.GetHostName()",
                () => PyRepr.Str(Py.GetHostName()), "socket.gethostname()"),
            TourLine.Live("socket.gethostbyname(socket.gethostname())", "Py.GetHostByName(Py.GetHostName())",
                () => PyRepr.Str(Py.GetHostByName(Py.GetHostName())), "socket.gethostbyname(socket.gethostname())"),
            TourLine.Live("socket.gethostbyname('localhost')", "Py.GetHostByName(\"localhost\")",
                () => PyRepr.Str(Py.GetHostByName("localhost")), "socket.gethostbyname('localhost')"),
            TourLine.Live("socket.gethostbyname_ex('localhost')", "Py.GetHostByNameEx(\"localhost\")",
                () => PyNaming.HostEntry(Py.GetHostByNameEx("localhost")), "socket.gethostbyname_ex('localhost')"),
            TourLine.Live("socket.getaddrinfo('localhost', 'http')", "Py.GetAddrInfo(\"localhost\", \"http\")",
                () => PyNaming.AddrInfoList(Py.GetAddrInfo("localhost", "http")), "socket.getaddrinfo('localhost', 'http')"),
            TourLine.Live(
                "streams = [i for i in socket.getaddrinfo('localhost', 'http') if i[1] == socket.SOCK_STREAM]\nstreams[0]",
                "Py.GetAddrInfo(\"localhost\", \"http\").First(i => i.SocketType == SocketType.Stream)",
                () => PyNaming.AddrInfo(Py.GetAddrInfo("localhost", "http").First(i => i.SocketType == System.Net.Sockets.SocketType.Stream)),
                "[i for i in socket.getaddrinfo('localhost', 'http') if i[1] == socket.SOCK_STREAM][0]"),
        ];
        return Task.FromResult(new TourStep(number, Title,
            "The OS resolver answers from /etc/hosts and DNS; getaddrinfo gives one entry per family and socket type, ready to pass to socket() and connect().",
            lines,
            ["the lesson looks up public names; the tour stays on this machine (`sockit resolve NAME` asks about any name)"]));
    }
}
