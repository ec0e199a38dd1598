using System.Net;
using Sockit.Connections;
using Sockit.Servers;

namespace Sockit;

public static partial class Py
{
    /// <summary>
    /// <c>socket.create_connection((host, port), timeout)</c>: connects to each address of the host in turn until one
    /// accepts, in the resolver's order, one at a time (as Python does: no Happy Eyeballs). The timeout bounds each attempt.
    /// </summary>
    public static ValueTask<Connection> CreateConnectionAsync((string Host, int Port) address, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Connector.ConnectAsync(address.Host, address.Port, new ConnectOptions { ConnectTimeout = timeout, OneAtATime = true }, cancellationToken);

    /// <summary>
    /// <c>socket.create_server((host, port))</c>: a TCP socket bound to the address and listening (the lesson's
    /// <c>bind</c> then <c>listen</c>). The host must be an address literal (<c>127.0.0.1</c>, <c>::1</c>); port 0 gives a free port.
    /// </summary>
    /// <exception cref="ArgumentException">The host is not an IP address.</exception>
    public static Listener CreateServer((string Host, int Port) address, int backlog = 128)
    {
        if (!IPAddress.TryParse(address.Host, out var ip))
        {
            // Misuse, so an argument exception (IPAddress.Parse would throw FormatException).
            throw new ArgumentException($"'{address.Host}' is not an IP address: bind an address literal such as 127.0.0.1 or ::1 (resolve a name first with Connector.ResolveAsync)", nameof(address));
        }
        return Listener.Bind(new ListenerOptions { Address = ip, Port = address.Port, Backlog = backlog });
    }
}
