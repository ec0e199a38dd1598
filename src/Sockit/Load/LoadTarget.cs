using System.Net;
using System.Net.Sockets;
using Sockit.Connections;

namespace Sockit.Load;

/// <summary>
/// Where the load goes, and how a connection to it is made: the first connect resolves the host and tries each address
/// (<see cref="Connector"/>'s one path, failing with its facts); every later one goes straight to the address that
/// answered, so fifty connections cost one name lookup. With <see cref="Direct"/> (for <see cref="EpollLoadLoop"/>) each
/// connect is first tried as a plain non-blocking connect that .NET's socket engine never sees, and falls back to the
/// ordinary path when that fails, so a failure is still told with the ordinary path's facts.
/// </summary>
internal sealed class LoadTarget
{
    private readonly LoadOptions _options;
    private readonly ConnectOptions _connectOptions;
    private IPEndPoint? _endPoint;

    public LoadTarget(LoadOptions options)
    {
        _options = options;
        _connectOptions = new ConnectOptions
        {
            Transport = options.Transport == Transport.Udp ? Transport.Udp : Transport.Tcp,
            Family = options.Family,
            ConnectTimeout = options.ConnectTimeout,
        };
    }

    /// <summary>The server as people write it, once a connection was made: <c>127.0.0.1:7</c>, <c>[::1]:7</c>, or the path.</summary>
    public string Name { get; private set; } = "";

    /// <summary>
    /// True when the connections are driven by <see cref="EpollLoadLoop"/>: a socket .NET connects asynchronously is
    /// registered with its socket engine for good, whose thread would then wake for every echo as well as the loop.
    /// </summary>
    public bool Direct { get; init; }

    public async ValueTask<Connection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (Direct && await TryConnectDirectAsync(cancellationToken).ConfigureAwait(false) is { } direct)
        {
            return direct;
        }
        if (_options.Transport == Transport.Unix)
        {
            var unix = await Connector.ConnectUnixAsync(_options.Path!, _connectOptions, cancellationToken).ConfigureAwait(false);
            Name = _options.Path!;
            return unix;
        }
        if (_endPoint is { } known)
        {
            return await Connector.ConnectAsync(known, _connectOptions, _options.Host, cancellationToken).ConfigureAwait(false);
        }
        var connection = await Connector.ConnectAsync(_options.Host, _options.Port, _connectOptions, cancellationToken).ConfigureAwait(false);
        _endPoint = connection.RemoteEndPoint as IPEndPoint;
        Name = connection.PeerName;
        return connection;
    }

    // A connect .NET's socket engine never sees: non-blocking, waited for with poll on a pool thread. Null when it
    // failed (or timed out): the caller then takes the ordinary path, which fails again with its own facts (or, when
    // the server has just come up, or the first address of a name refused, connects).
    private async ValueTask<Connection?> TryConnectDirectAsync(CancellationToken cancellationToken)
    {
        EndPoint endPoint;
        if (_options.Transport == Transport.Unix)
        {
            endPoint = new UnixDomainSocketEndPoint(_options.Path!);
        }
        else if (_endPoint is { } known)
        {
            endPoint = known;
        }
        else
        {
            var addresses = await Connector.ResolveAsync(_options.Host, _options.Family, cancellationToken).ConfigureAwait(false);
            endPoint = new IPEndPoint(AddressOrder.Interleave(addresses)[0], _options.Port);
        }
        var connection = await Task.Run(() => ConnectDirect(endPoint), cancellationToken).ConfigureAwait(false);
        if (connection is not null && Name.Length == 0)
        {
            _endPoint = connection.RemoteEndPoint as IPEndPoint;
            Name = _options.Transport == Transport.Unix ? _options.Path! : connection.PeerName;
        }
        return connection;
    }

    private Connection? ConnectDirect(EndPoint endPoint)
    {
        var unix = endPoint is UnixDomainSocketEndPoint;
        var socket = unix
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.Blocking = false;
            try
            {
                socket.Connect(endPoint);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
            {
                var microseconds = _options.ConnectTimeout is { } timeout ? (int)Math.Min(int.MaxValue, timeout.TotalMicroseconds) : -1;
                var writable = socket.Poll(microseconds, SelectMode.SelectWrite);
                // Poll may say either for a refused connect; the socket's pending error is what tells.
                if (socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error) is not 0 || !writable)
                {
                    socket.Dispose();
                    return null;
                }
            }
            return new Connection(socket, unix ? Transport.Unix : Transport.Tcp);
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }
}
