using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Sockit.Tls;

namespace Sockit.Connections;

/// <summary>
/// The lesson's client side: resolves a host (getaddrinfo) and connects to its addresses, IPv6 and IPv4, as Happy
/// Eyeballs does (RFC 8305: see <see cref="ConnectOptions.AttemptDelay"/>) until one accepts. Failures are
/// <see cref="ConnectionException"/>s (refused, unreachable, timed out) or <see cref="LookupException"/>s (name not
/// found), each saying why.
/// </summary>
public static class Connector
{
    // What Python's connect_ex returns when its own timeout runs out: EWOULDBLOCK (socketmodule.c's SOCK_TIMEOUT_ERR).
    private const int TimedOutErrno = 11;

    /// <summary>
    /// Connects to <paramref name="host"/> (a name or a literal address) on <paramref name="port"/>: for TCP, Happy
    /// Eyeballs over its addresses (<see cref="ConnectOptions.AttemptDelay"/>), each step told to
    /// <see cref="ConnectOptions.Progress"/>. When every address fails, the failure names them all
    /// (<see cref="ConnectionException.Tried"/>).
    /// </summary>
    public static ValueTask<Connection> ConnectAsync(string host, int port, ConnectOptions? options = null, CancellationToken cancellationToken = default) =>
        ConnectAsync(host, port, options, progress: null, cancellationToken);

    /// <summary>Connects to one endpoint; <paramref name="displayName"/> is the host as the user wrote it, for messages.</summary>
    public static ValueTask<Connection> ConnectAsync(IPEndPoint endPoint, ConnectOptions? options = null, string? displayName = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        options ??= new ConnectOptions();
        return ConnectOrderedAsync(displayName ?? endPoint.Address.ToString(), endPoint.Port, [endPoint.Address], options, options.Progress, cancellationToken);
    }

    /// <summary>
    /// The one connect path of the library (the CLI's connect, <see cref="Py.CreateConnectionAsync"/>,
    /// <see cref="Http.HttpWireClient"/>): resolve, then connect, reporting each step to <paramref name="progress"/>
    /// (or, when null, to <see cref="ConnectOptions.Progress"/>). The failure thrown names every address tried
    /// (<see cref="ConnectionException.Tried"/>).
    /// </summary>
    internal static async ValueTask<Connection> ConnectAsync(string host, int port, ConnectOptions? options, IConnectProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        options ??= new ConnectOptions();
        progress ??= options.Progress;
        if (options.Proxy is not null)
        {
            return await Proxies.ProxyTunnel.ConnectAsync(host, port, options, progress, cancellationToken).ConfigureAwait(false);
        }
        var addresses = Order(await ResolveAsync(host, options.Family, progress, cancellationToken).ConfigureAwait(false), options);
        if (!IsLiteral(host))
        {
            progress?.OnResolved(host, addresses);
        }
        return await ConnectOrderedAsync(host, port, addresses, options, progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Connects to one of <paramref name="addresses"/> without asking the resolver: for addresses the caller already
    /// knows for <paramref name="host"/> (<see cref="Http.HttpResolveOverride"/>, curl's <c>--resolve</c>).
    /// </summary>
    internal static ValueTask<Connection> ConnectAsync(string host, int port, IReadOnlyList<IPAddress> addresses, ConnectOptions? options, IConnectProgress? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(host);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        ArgumentNullException.ThrowIfNull(addresses);
        options ??= new ConnectOptions();
        return ConnectOrderedAsync(host, port, Order(addresses, options), options, progress ?? options.Progress, cancellationToken);
    }

    // Happy Eyeballs interleaves the families; one at a time (Python's create_connection) and UDP keep the resolver's order.
    private static IReadOnlyList<IPAddress> Order(IReadOnlyList<IPAddress> addresses, ConnectOptions options) =>
        options.OneAtATime || options.Transport == Transport.Udp ? addresses : AddressOrder.Interleave(addresses);

    private static async ValueTask<Connection> ConnectOrderedAsync(string host, int port, IReadOnlyList<IPAddress> addresses, ConnectOptions options, IConnectProgress? progress, CancellationToken cancellationToken)
    {
        if (addresses.Count == 0)
        {
            throw new ArgumentException("no address to connect to", nameof(addresses));
        }
        var endPoints = addresses.Select(a => new IPEndPoint(a, port)).ToList();
        var socket = options.OneAtATime || options.Transport == Transport.Udp
            ? await ConnectEachInTurnAsync(host, endPoints, options, progress, cancellationToken).ConfigureAwait(false)
            : await ConnectionRace.RunAsync(host, endPoints, options, progress, cancellationToken).ConfigureAwait(false);
        var connection = new Connection(socket, options.Transport);
        if (options.Tls is { } tls && options.Transport != Transport.Udp)
        {
            // The TLS handshake follows the winning TCP connect only: the others are closed by now.
            await SecureAsync(connection, host, tls, options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        return connection;
    }

    // One address at a time, each bounded by the connect timeout on its own: UDP (no handshake, so the first address
    // the OS takes is used) and Python's create_connection.
    private static async Task<Socket> ConnectEachInTurnAsync(string host, IReadOnlyList<IPEndPoint> endPoints, ConnectOptions options, IConnectProgress? progress, CancellationToken cancellationToken)
    {
        var tried = new List<IPEndPoint>(endPoints.Count);
        ConnectionException? last = null;
        for (var i = 0; i < endPoints.Count; i++)
        {
            var endPoint = endPoints[i];
            tried.Add(endPoint);
            var socket = options.Transport == Transport.Udp
                ? new Socket(endPoint.AddressFamily, SocketType.Dgram, ProtocolType.Udp)
                : new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            progress?.OnConnecting(endPoint, i);
            var started = Stopwatch.GetTimestamp();
            try
            {
                BindLocal(socket, endPoint, options, host);
                using var deadline = options.ConnectTimeout is { } t ? new CancellationTokenSource(t) : null;
                await ConnectSocketAsync(socket, endPoint, Describe(host, endPoint), options.ConnectTimeout, deadline?.Token ?? CancellationToken.None, cancellationToken).ConfigureAwait(false);
            }
            catch (ConnectionException e)
            {
                // Try the next address; report the last failure, naming every address tried.
                last = ForEndPoint(e, host, endPoint);
                progress?.OnAttemptFailed(endPoint, last);
                continue;
            }
            progress?.OnConnected(endPoint, socket.LocalEndPoint, Stopwatch.GetElapsedTime(started));
            return socket;
        }
        throw AllFailed(host, endPoints[0].Port, tried, last);
    }

    /// <summary>The failure of one attempt, with the host and the one address it tried.</summary>
    internal static ConnectionException ForEndPoint(ConnectionException e, string host, IPEndPoint endPoint) =>
        new(e.Failure, e.Message, e.InnerException) { Phase = e.Phase, Host = host, Port = endPoint.Port, Tried = [endPoint], Timeout = e.Timeout };

    /// <summary>The failure of the whole connect: the last attempt's, naming every address tried when there were several.</summary>
    internal static ConnectionException AllFailed(string host, int port, IReadOnlyList<IPEndPoint> tried, ConnectionException? last)
    {
        ArgumentNullException.ThrowIfNull(last);
        var message = tried.Count > 1 ? $"{last.Message} [tried {string.Join(", ", tried.Select(e => e.Address))}]" : last.Message;
        return new ConnectionException(last.Failure, message, last.InnerException) { Phase = last.Phase, Host = host, Port = port, Tried = [.. tried], Timeout = last.Timeout };
    }

    // The TLS handshake of a fresh connection, bounded by the connect timeout; the connection is closed when it fails.
    internal static async ValueTask SecureAsync(Connection connection, string host, TlsClientOptions tls, TimeSpan? timeout, CancellationToken cancellationToken)
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
        if (TryParseLiteral(host, out var address))
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
        await ConnectSocketAsync(socket, endPoint, what, timeout, deadline?.Token ?? CancellationToken.None, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Connects <paramref name="socket"/>, or closes it and throws: a <see cref="ConnectionException"/> with the OS's
    /// reason, or <see cref="SockitFailure.TimedOut"/> when <paramref name="deadline"/> (the end of
    /// <paramref name="timeout"/>) comes first. <paramref name="cancellationToken"/> cancels as usual.
    /// </summary>
    internal static async ValueTask ConnectSocketAsync(Socket socket, EndPoint endPoint, string what, TimeSpan? timeout, CancellationToken deadline, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline);
        try
        {
            await socket.ConnectAsync(endPoint, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
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
    internal static void BindLocal(Socket socket, IPEndPoint endPoint, ConnectOptions options, string? displayName)
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

    internal static string Describe(string? displayName, IPEndPoint endPoint)
    {
        var address = endPoint.Address.ToString();
        return displayName is null || displayName == address || displayName == $"[{address}]"
            ? string.Create(CultureInfo.InvariantCulture, $"{address} port {endPoint.Port}")
            : string.Create(CultureInfo.InvariantCulture, $"{displayName} ({address}) port {endPoint.Port}");
    }

    private static bool IsLiteral(string host) => TryParseLiteral(host, out _);

    // An address as written, with or without brackets ([::1]).
    private static bool TryParseLiteral(string host, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IPAddress? address) =>
        IPAddress.TryParse(host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host, out address);

    private static string FamilyName(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";
}
