using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Sockit.Cli.Rendering;

namespace Sockit.Cli.Tour;

/// <summary>
/// The lesson's "you cannot know how much, if any, of your data was sent", live: <c>send</c> returns a count smaller
/// than asked when the buffers are full (a small send buffer, a peer that never reads), and <c>sendall</c> then runs
/// out of time having sent an unknown part.
/// </summary>
internal sealed class SendStep : ITourStep
{
    private const int Size = 1_000_000;
    private const int SmallBuffer = 4096;
    private static readonly TimeSpan s_timeout = TimeSpan.FromMilliseconds(200);

    public string Title => "send and sendall: how much was sent?";

    public async Task<TourStep> RunAsync(int number, TourOptions options, CancellationToken cancellationToken)
    {
        var seconds = s_timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
        using var quiet = Py.CreateServer(("127.0.0.1", 0));
        // The connections it never accepts inherit this receive buffer: they hold little of what is sent.
        quiet.Socket.ReceiveBufferSize = SmallBuffer;
        using var sender = Py.Socket();
        sender.SendBufferSize = SmallBuffer;
        await sender.ConnectAsync(IPAddress.Loopback, quiet.Port, cancellationToken).ConfigureAwait(false);
        var data = new byte[Size];
        sender.Blocking = false;
        var sent = sender.Send(data);
        sender.Blocking = true;
        var lines = new List<TourLine>
        {
            TourLine.Checked(
                $"quiet = socket.create_server(('127.0.0.1', 0))  # never accepts, so nobody reads\nquiet.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, {SmallBuffer})\n"
                    + $"sender = socket.socket()\nsender.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, {SmallBuffer})\nsender.connect(quiet.getsockname())\n"
                    + $"sender.settimeout({seconds})\nsent = sender.send(bytes({Size}))\n0 < sent < {Size}",
                $"using var quiet = Py.CreateServer((\"127.0.0.1\", 0));\nquiet.Socket.ReceiveBufferSize = {SmallBuffer};\nusing var sender = Py.Socket();\n"
                    + $"sender.SendBufferSize = {SmallBuffer};\nawait sender.ConnectAsync(IPAddress.Loopback, quiet.Port);\nsender.Blocking = false;\nvar sent = sender.Send(new byte[{Size}]);\n0 < sent && sent < {Size}",
                PyRepr.Bool(sent is > 0 and < Size)),
        };
        lines.Add(SendAll(seconds, sender, data));
        return new TourStep(number, Title,
            "send() hands the OS what fits in its buffers now and returns how many bytes that was, possibly fewer than asked; sendall() calls send() until all is gone. "
                + "When the peer stops reading, both buffers fill: send() returns a short count, and sendall() waits, then fails without saying how much went.",
            lines,
            [string.Create(CultureInfo.InvariantCulture, $"sockit's send took {sent} of {Size} bytes (python3's count differs from run to run, so the line compares only that it is short)"),
             "sockit's Connection.SendAsync is sendall: it returns when every byte is with the OS, or throws"]);
    }

    private static TourLine SendAll(string seconds, Socket sender, byte[] data)
    {
        var python = $"sender.sendall(bytes({Size}))  # times out after {seconds} s: how much went?";
        var csharp = $"sender.SendTimeout = {s_timeout.TotalMilliseconds:0};\nPy.SendAll(sender, new byte[{Size}])";
        sender.SendTimeout = (int)s_timeout.TotalMilliseconds;
        try
        {
            Py.SendAll(sender, data);
            return TourLine.Checked(python, csharp, PyRepr.None);
        }
        catch (SocketException e)
        {
            return PythonErrors.Raised(python, csharp, e);
        }
    }
}
