using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Sockit.Connections;
using Sockit.Tls;

namespace Sockit.Servers;

/// <summary>
/// The lesson's server side: a socket bound to an address (<c>bind</c>), listening (<c>listen</c>), that accepts
/// connections (<c>accept</c>), or for UDP receives datagrams with their sender's address. Binding port 0 gives a
/// free port, read back from <see cref="Port"/>. Disposing closes the socket and removes a Unix socket's file.
/// </summary>
public sealed class Listener : IAsyncDisposable, IDisposable
{
    private readonly string? _unixPath;
    private int _disposed;

    private Listener(Socket socket, Transport transport, string? unixPath, TlsServerOptions? tls)
    {
        Socket = socket;
        Transport = transport;
        _unixPath = unixPath;
        Tls = tls;
        LocalEndPoint = socket.LocalEndPoint!;
    }

    /// <summary>The listening (or, for UDP, bound) socket.</summary>
    public Socket Socket { get; }

    /// <summary>TCP, UDP or Unix.</summary>
    public Transport Transport { get; }

    /// <summary>The bound address (<c>getsockname</c>), with the real port when port 0 was asked for.</summary>
    public EndPoint LocalEndPoint { get; }

    /// <summary>The TLS each accepted connection is served with, or null for plain connections.</summary>
    public TlsServerOptions? Tls { get; }

    /// <summary>The bound port (0 for a Unix socket).</summary>
    public int Port => (LocalEndPoint as IPEndPoint)?.Port ?? 0;

    /// <summary>Where it listens, as people write it: <c>127.0.0.1:8000</c>, <c>[::1]:8000</c>, or the socket's path.</summary>
    public string Name => _unixPath ?? Endpoints.Format(LocalEndPoint);

    /// <summary>
    /// Binds and (for TCP and Unix) listens. Throws <see cref="ConnectionException"/> with
    /// <see cref="SockitFailure.AddressInUse"/> naming the port when another socket holds it.
    /// </summary>
    public static Listener Bind(ListenerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Port);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, 65535);
        Socket socket;
        EndPoint endPoint;
        string what;
        if (options.Transport == Transport.Unix)
        {
            ArgumentException.ThrowIfNullOrEmpty(options.UnixPath, nameof(options));
            socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            endPoint = new UnixDomainSocketEndPoint(options.UnixPath);
            what = $"unix socket {options.UnixPath}";
        }
        else
        {
            var udp = options.Transport == Transport.Udp;
            socket = new Socket(options.Address.AddressFamily, udp ? SocketType.Dgram : SocketType.Stream, udp ? ProtocolType.Udp : ProtocolType.Tcp);
            if (options.Address.AddressFamily == AddressFamily.InterNetworkV6 && options.Address.Equals(IPAddress.IPv6Any))
            {
                // [::] accepts IPv4 too, as most servers do.
                socket.DualMode = true;
            }
            endPoint = new IPEndPoint(options.Address, options.Port);
            what = string.Create(CultureInfo.InvariantCulture, $"{Endpoints.Format(endPoint)}")
                + (udp ? " (udp)" : "");
        }
        try
        {
            socket.Bind(endPoint);
            if (options.Transport != Transport.Udp)
            {
                socket.Listen(options.Backlog);
            }
        }
        catch (SocketException e)
        {
            socket.Dispose();
            var kind = SocketErrors.Kind(e.SocketErrorCode);
            // EACCES (a port below 1024 without the right, a directory one may not write to) says this address cannot be had here.
            throw new ConnectionException(kind == SockitFailure.Io && e.SocketErrorCode == SocketError.AccessDenied ? SockitFailure.Unreachable : kind,
                $"cannot listen on {what}: {e.Message}", e)
            {
                Phase = ConnectionPhase.Bind,
                Host = options.Transport == Transport.Unix ? null : options.Address.ToString(),
                Port = options.Transport == Transport.Unix ? null : options.Port,
                Path = options.Transport == Transport.Unix ? options.UnixPath : null,
            };
        }
        if (options.Tls is not null && options.Transport == Transport.Udp)
        {
            socket.Dispose();
            throw new ArgumentException("TLS needs a stream listener (TCP or Unix), not UDP", nameof(options));
        }
        return new Listener(socket, options.Transport, options.UnixPath, options.Tls);
    }

    /// <summary>
    /// <c>accept</c>: waits for the next connection (TCP and Unix), and with <see cref="Tls"/> handshakes with it
    /// (throwing <see cref="TlsException"/> when that fails).
    /// </summary>
    public async ValueTask<Connection> AcceptAsync(CancellationToken cancellationToken = default)
    {
        var connection = await AcceptPlainAsync(cancellationToken).ConfigureAwait(false);
        if (Tls is not null)
        {
            try
            {
                await connection.AcceptTlsAsync(Tls, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
        return connection;
    }

    /// <summary><c>accept</c> without the TLS handshake, which a server does on the client's own task.</summary>
    internal async ValueTask<Connection> AcceptPlainAsync(CancellationToken cancellationToken)
    {
        if (Transport == Transport.Udp)
        {
            throw new InvalidOperationException("a UDP listener has no connections to accept: use ReceiveFromAsync");
        }
        try
        {
            var socket = await Socket.AcceptAsync(cancellationToken).ConfigureAwait(false);
            if (Transport == Transport.Tcp)
            {
                socket.NoDelay = true;
            }
            return new Connection(socket, Transport);
        }
        catch (SocketException e)
        {
            throw new ConnectionException(SocketErrors.Kind(e.SocketErrorCode), $"accept on {Name} failed: {e.Message}", e)
            {
                Phase = ConnectionPhase.Accept,
                Host = (LocalEndPoint as IPEndPoint)?.Address.ToString(),
                Port = LocalEndPoint is IPEndPoint ? Port : null,
                Path = _unixPath,
            };
        }
    }

    /// <summary><c>recvfrom</c> (UDP): one datagram into <paramref name="buffer"/>, with its sender.</summary>
    public async ValueTask<SocketReceiveFromResult> ReceiveFromAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var any = LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        while (true)
        {
            try
            {
                return await Socket.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset || e.SocketErrorCode == SocketError.ConnectionRefused)
            {
                // An ICMP "port unreachable" for an earlier reply to a peer that has gone: not this socket's failure.
            }
        }
    }

    /// <summary><c>sendto</c> (UDP): one datagram to <paramref name="peer"/>.</summary>
    public async ValueTask SendToAsync(ReadOnlyMemory<byte> datagram, EndPoint peer, CancellationToken cancellationToken = default)
    {
        try
        {
            await Socket.SendToAsync(datagram, SocketFlags.None, peer, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw new ConnectionException(SocketErrors.Kind(e.SocketErrorCode), $"send to {Endpoints.Format(peer)} failed: {e.Message}", e)
            {
                Phase = ConnectionPhase.Send,
                Host = (peer as IPEndPoint)?.Address.ToString(),
                Port = (peer as IPEndPoint)?.Port,
            };
        }
    }

    /// <summary>Closes the socket, and removes a Unix socket's file.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        Socket.Dispose();
        if (_unixPath is not null)
        {
            try
            {
                File.Delete(_unixPath);
            }
            catch (IOException)
            {
                // Already gone or not ours to remove.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to remove.
            }
        }
    }

    /// <summary>Closes the socket, and removes a Unix socket's file.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
