using System.Net;
using Sockit.Connections;
using Sockit.Servers;

namespace Sockit;

public static partial class Py
{
    /// <summary>
    /// <c>socket.create_connection((host, port), timeout)</c>: connects to each address of the host in turn until one
    /// accepts. The timeout bounds each attempt.
    /// </summary>
    public static ValueTask<Connection> CreateConnectionAsync((string Host, int Port) address, TimeSpan? timeout = null, CancellationToken cancellationToken = default) =>
        Connector.ConnectAsync(address.Host, address.Port, new ConnectOptions { ConnectTimeout = timeout }, cancellationToken);

    /// <summary>
    /// <c>socket.create_server((host, port))</c>: a TCP socket bound to the address and listening (the lesson's
    /// <c>bind</c> then <c>listen</c>). Port 0 gives a free port.
    /// </summary>
    public static Listener CreateServer((string Host, int Port) address, int backlog = 128) =>
        Listener.Bind(new ListenerOptions { Address = IPAddress.Parse(address.Host), Port = address.Port, Backlog = backlog });
}
