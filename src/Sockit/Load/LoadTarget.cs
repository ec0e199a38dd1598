using System.Net;
using Sockit.Connections;

namespace Sockit.Load;

/// <summary>
/// Where the load goes, and how a connection to it is made: the first connect resolves the host and tries each address
/// (<see cref="Connector"/>'s one path, failing with its facts); every later one goes straight to the address that
/// answered, so fifty connections cost one name lookup.
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

    public async ValueTask<Connection> ConnectAsync(CancellationToken cancellationToken)
    {
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
}
