using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Sockit.Tls;

namespace Sockit.Connections;

/// <summary>
/// The lesson's client side: resolves a host (getaddrinfo) and connects to each of its addresses in turn, IPv6 and
/// IPv4, until one accepts. Failures are <see cref="ConnectionException"/>s (refused, unreachable, timed out) or
/// <see cref="LookupException"/>s (name not found), each saying why.
/// </summary>
public static class Connector
{
    // What Python's connect_ex returns when its own timeout runs out: EWOULDBLOCK (socketmodule.c's SOCK_TIMEOUT_ERR).
    private const int TimedOutErrno = 11;

    /// <summary>Connects to <paramref name="host"/> (a name or a literal address) on <paramref name="port"/>.</summary>
    public static ValueTask<Connection> ConnectAsync(string host, int port, ConnectOptions? options = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(host, port, options, progress: null, cancellationToken);

    /// <summary>Connects to one endpoint; <paramref name="displayName"/> is the host as the user wrote it, for messages.</summary>
    public static ValueTask<Connection> ConnectAsync(IPEndPoint endPoint, ConnectOptions? options = null, string? displayName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return ConnectAsync(endPoint, options ?? new ConnectOptions(), displayName, progress: null, cancellationToken);
    }

    /// <summary>
    /// The one connect path of the library (the CLI's connect, <see cref="Py.CreateConnectionAsync"/>,
    /// <see cref="Http.HttpWireClient"/>): resolve, then each address in turn until one accepts, reporting each step to
    /// <paramref name="progress"/>. The failure thrown names every address tried (<see cref="ConnectionException.Tried"/>).
    /// </summary>
    internal static async ValueTask<Connection> ConnectAsync(string host, int port, ConnectOptions? options, IConnectProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        options ??= new ConnectOptions();
        var addresses = await ResolveAsync(host, options.Family, progress, cancellationToken).ConfigureAwait(false);
        return await ConnectAsync(host, port, addresses, options, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Connects to <paramref name="addresses"/> in turn until one accepts, without asking the resolver: for addresses the
    /// caller already knows for <paramref name="host"/> (<see cref="Http.HttpResolveOverride"/>, curl's <c>--resolve</c>).
    /// </summary>
    internal static async ValueTask<Connection> ConnectAsync(string host, int port, IReadOnlyList<IPAddress> addresses, ConnectOptions? options, IConnectProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        ArgumentNullException.ThrowIfNull(addresses);
        options ??= new ConnectOptions();
        var tried = new List<IPEndPoint>(addresses.Count);
        ConnectionException? last = null;
        foreach (var address in addresses)
        {
            var endPoint = new IPEndPoint(address, port);
            tried.Add(endPoint);
            try
            {
                return await ConnectAsync(endPoint, options, host, progress, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectionException e)
            {
                // Try the next address; report the last failure, naming every address tried.
                progress?.OnAttemptFailed(endPoint, e);
                last = e;
            }
        }
        var message = tried.Count > 1 ? $"{last!.Message} [tried {string.Join(", ", addresses)}]" : last!.Message;
        throw new ConnectionException(last.Failure, message, last.InnerException) { Phase = last.Phase, Host = host, Port = port, Tried = tried, Timeout = last.Timeout };
    }

    private static async ValueTask<Connection> ConnectAsync(IPEndPoint endPoint, ConnectOptions options, string? displayName, IConnectProgress? progress, CancellationToken cancellationToken)
    {
        var socket = options.Transport == Transport.Udp
            ? new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp)
            : new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        var what = Describe(displayName, endPoint);
        BindLocal(socket, endPoint, options, displayName);
        progress?.OnConnecting(endPoint);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await ConnectSocketAsync(socket, endPoint, what, options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectionException e)
        {
            throw new ConnectionException(e.Failure, e.Message, e.InnerException)
            {
                Host = displayName ?? endPoint.Address.ToString(), Port = endPoint.Port, Tried = [endPoint], Timeout = e.Timeout,
            };
        }
        progress?.OnConnected(endPoint, socket.LocalEndPoint, Stopwatch.GetElapsedTime(started));
        var connection = new Connection(socket, options.Transport);
        if (options.Tls is { } tls && options.Transport != Transport.Udp)
        {
            await SecureAsync(connection, displayName ?? endPoint.Address.ToString(), tls, options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        return connection;
    }

    // The TLS handshake of a fresh connection, bounded by the connect timeout; the connection is closed when it fails.
    private static async ValueTask SecureAsync(Connection connection, string host, TlsClientOptions tls, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var deadline = timeout is { } t ? new CancellationTokenSource(t) : null;
        using var linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await connection.StartTlsAsync(host, tls, linked?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            connection.Dispose();
            var seconds = timeout!.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            throw new ConnectionException(SockitFailure.TimedOut, $"TLS handshake with {connection.PeerName} timed out after {seconds} s", new SocketException((int)SocketError.TimedOut))
            {
                Timeout = timeout,
            };
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Connects to the Unix domain stream socket at <paramref name="path"/>.</summary>
    public static async ValueTask<Connection> ConnectUnixAsync(string path, ConnectOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await ConnectSocketAsync(socket, new UnixDomainSocketEndPoint(path), $"unix socket {path}", options?.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectionException e) when (e.Failure is SockitFailure.Unreachable or SockitFailure.Refused)
        {
            // The OS's words mislead here (a missing file reads "Cannot assign requested address"); say what it means for a path.
            var why = !File.Exists(path) && !Directory.Exists(path)
                ? "no such file"
                : e.Failure == SockitFailure.Refused
                    ? "Connection refused"
                    : $"{e.InnerException?.Message} (the file exists)";
            throw new ConnectionException(e.Failure, $"connect to unix socket {path} failed: {why}", e.InnerException) { Path = path, Timeout = e.Timeout };
        }
        catch (ConnectionException e)
        {
            throw new ConnectionException(e.Failure, e.Message, e.InnerException) { Path = path, Timeout = e.Timeout };
        }
        var connection = new Connection(socket, Transport.Unix);
        if (options?.Tls is { } tls)
        {
            await SecureAsync(connection, "localhost", tls, options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        return connection;
    }

    /// <summary>
    /// The addresses of <paramref name="host"/> in the resolver's order (getaddrinfo, through
    /// <see cref="Dns.GetHostAddressesAsync(string, AddressFamily, CancellationToken)"/>), or the address itself when it is a literal.
    /// Throws <see cref="LookupException"/> with the resolver's reason when the name is not known.
    /// </summary>
    public static ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string host, AddressFamily family = AddressFamily.Unspecified, CancellationToken cancellationToken = default) =>
        ResolveAsync(host, family, progress: null, cancellationToken);

    private static async ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string host, AddressFamily family, IConnectProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (IPAddress.TryParse(literal, out var address))
        {
            if (family != AddressFamily.Unspecified && address.AddressFamily != family)
            {
                throw new LookupException($"address {host} is not {FamilyName(family)}", SockitFailure.NotFound) { Name = host, Family = family };
            }
            return [address];
        }
        progress?.OnResolving(host);
        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(host, family, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new LookupException($"cannot resolve '{host}': {e.Message}", SockitFailure.NotFound, e)
            {
                Name = host,
                Family = family,
            };
        }
        if (addresses.Length == 0)
        {
            throw new LookupException($"cannot resolve '{host}': it has no {(family == AddressFamily.Unspecified ? "" : FamilyName(family) + " ")}address") { Name = host, Family = family };
        }
        progress?.OnResolved(host, addresses);
        return addresses;
    }

    /// <summary>
    /// <c>-z</c>: whether <paramref name="host"/> accepts a TCP connection on <paramref name="port"/>. A refused,
    /// unreachable or timed-out port is reported as closed with the reason; an unknown host still throws <see cref="LookupException"/>.
    /// </summary>
    public static async ValueTask<PortProbe> ProbeAsync(string host, int port, ConnectOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            using var connection = await ConnectAsync(host, port, options, cancellationToken).ConfigureAwait(false);
            return new PortProbe(host, port, true, connection.RemoteEndPoint, null, null);
        }
        catch (ConnectionException e)
        {
            var socketError = e.InnerException as SocketException;
            return new PortProbe(host, port, false, null, e.Failure, socketError?.Message ?? e.Message,
                e.Failure == SockitFailure.TimedOut ? TimedOutErrno : socketError?.NativeErrorCode ?? 0);
        }
    }

    private static async ValueTask ConnectSocketAsync(Socket socket, EndPoint endPoint, string what, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        using var deadline = timeout is { } t ? new CancellationTokenSource(t) : null;
        using var linked = deadline is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            await socket.ConnectAsync(endPoint, linked?.Token ?? cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline?.IsCancellationRequested == true && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            var seconds = timeout!.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            throw new ConnectionException(SockitFailure.TimedOut, $"connect to {what} timed out after {seconds} s", new SocketException((int)SocketError.TimedOut))
            {
                Timeout = timeout,
            };
        }
        catch (SocketException e)
        {
            socket.Dispose();
            var kind = SocketErrors.Kind(e.SocketErrorCode);
            throw new ConnectionException(kind, $"connect to {what} failed: {e.Message}", e);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    // The source address and port (ConnectOptions.LocalAddress, LocalPort), bound before connecting; the socket is closed when it fails.
    private static void BindLocal(Socket socket, IPEndPoint endPoint, ConnectOptions options, string? displayName)
    {
        if (options.LocalAddress is null && options.LocalPort == 0)
        {
            return;
        }
        var address = options.LocalAddress ?? (endPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any);
        var local = new IPEndPoint(address, options.LocalPort);
        var target = Describe(displayName, endPoint);
        try
        {
            if (address.AddressFamily != endPoint.AddressFamily)
            {
                throw new SocketException((int)SocketError.AddressFamilyNotSupported);
            }
            if (options.LocalPort != 0 && options.Transport == Transport.Tcp)
            {
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }
            socket.Bind(local);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            var reason = e.SocketErrorCode == SocketError.AddressFamilyNotSupported
                ? $"source address {address} is {FamilyName(address.AddressFamily)} and {endPoint.Address} is {FamilyName(endPoint.AddressFamily)}"
                : e.Message;
            throw new ConnectionException(SocketErrors.Kind(e.SocketErrorCode), $"cannot bind source {Endpoints.Format(local)} to connect to {target}: {reason}", e)
            {
                Phase = ConnectionPhase.Bind,
                Host = displayName ?? endPoint.Address.ToString(),
                Port = options.LocalPort,
                Tried = [endPoint],
            };
        }
    }

    private static string Describe(string? displayName, IPEndPoint endPoint)
    {
        var address = endPoint.Address.ToString();
        return displayName is null || displayName == address || displayName == $"[{address}]"
            ? string.Create(CultureInfo.InvariantCulture, $"{address} port {endPoint.Port}")
            : string.Create(CultureInfo.InvariantCulture, $"{displayName} ({address}) port {endPoint.Port}");
    }

    private static string FamilyName(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";
}
