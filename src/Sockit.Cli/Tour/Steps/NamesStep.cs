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
            Line("socket.gethostname()", "Py.GetHostName()", () => PyRepr.Str(Py.GetHostName())),
            Line("socket.gethostbyname(socket.gethostname())", "Py.GetHostByName(Py.GetHostName())",
                () => PyRepr.Str(Py.GetHostByName(Py.GetHostName()))),
            Line("socket.gethostbyname('localhost')", "Py.GetHostByName(\"localhost\")", () => PyRepr.Str(Py.GetHostByName("localhost"))),
            Line("socket.gethostbyname_ex('localhost')", "Py.GetHostByNameEx(\"localhost\")",
                () => PyNaming.HostEntry(Py.GetHostByNameEx("localhost"))),
            Line("socket.gethostbyname_ex(socket.gethostname())", "Py.GetHostByNameEx(Py.GetHostName())",
                () => PyNaming.HostEntry(Py.GetHostByNameEx(Py.GetHostName()))),
            Line("socket.getaddrinfo('localhost', 'http')", "Py.GetAddrInfo(\"localhost\", \"http\")",
                () => PyNaming.AddrInfoList(Py.GetAddrInfo("localhost", "http"))),
            Line(
                "streams = [i for i in socket.getaddrinfo('localhost', 'http') if i[1] == socket.SOCK_STREAM]\nstreams[0]",
                "Py.GetAddrInfo(\"localhost\", \"http\").First(i => i.SocketType == SocketType.Stream)",
                () => PyNaming.AddrInfo(Py.GetAddrInfo("localhost", "http").First(i => i.SocketType == System.Net.Sockets.SocketType.Stream))),
        ];
        List<string> notes =
        [
            "gethostbyname_ex gives a triple: the canonical name, its aliases (the other names on the same line of the hosts file, or a DNS CNAME chain), and every IPv4 address of the name; "
                + "the lesson's public names had no aliases and one address, the second line above shows what this machine's hosts file gives for its own name",
            "the lesson looks up public names; the tour stays on this machine (`sockit resolve NAME` asks about any name)",
        ];
        if (lines[1].Result.StartsWith("'127.", StringComparison.Ordinal))
        {
            notes.Insert(0, "gethostbyname(gethostname()) gives a loopback address here, where the lesson got a LAN address (192.168.56.1): "
                + "many Linux systems map the machine's own name to 127.0.1.1 (or 127.0.0.1) in /etc/hosts, and that line answers before any network adapter does");
        }
        return Task.FromResult(new TourStep(number, Title,
            "The OS resolver answers from /etc/hosts and DNS; getaddrinfo gives one entry per family and socket type, ready to pass to socket() and connect().",
            lines, notes));
    }

    // python3 runs exactly the Python shown.
    private static TourLine Line(string python, string csharp, Func<string> compute) => TourLine.Live(python, csharp, compute, python);
}
