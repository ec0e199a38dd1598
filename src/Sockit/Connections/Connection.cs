using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Sockit.Tls;

namespace Sockit.Connections;

/// <summary>
/// A connected socket: TCP, a Unix domain stream, or a "connected" UDP socket. The lesson's client calls, with
/// sockit's failure kinds: <see cref="SendAsync"/> is <c>sendall</c>, <see cref="ReceiveAsync"/> is <c>recv</c>,
/// <see cref="ShutdownSend"/> is <c>shutdown(SHUT_WR)</c>, <see cref="DisposeAsync"/> is <c>close</c>.
/// </summary>
public sealed class Connection : IAsyncDisposable, IDisposable
{
    private int _disposed;
    private SslStream? _tls;
    private long _clientHandshakeDone; // Stopwatch timestamp of a client handshake's end; 0 when there was none

    /// <summary>Wraps a connected socket; the connection owns it from now on.</summary>
    public Connection(Socket socket, Transport transport)
    {
        ArgumentNullException.ThrowIfNull(socket);
        Socket = socket;
        Transport = transport;
        RemoteEndPoint = socket.RemoteEndPoint ?? throw new ArgumentException("the socket is not connected", nameof(socket));
        LocalEndPoint = socket.LocalEndPoint ?? RemoteEndPoint;
    }

    /// <summary>The socket itself, for options sockit does not wrap.</summary>
    public Socket Socket { get; }

    /// <summary>TCP, UDP or Unix.</summary>
    public Transport Transport { get; }

    /// <summary>The peer's address (<c>getpeername</c>).</summary>
    public EndPoint RemoteEndPoint { get; }

    /// <summary>This end's address (<c>getsockname</c>).</summary>
    public EndPoint LocalEndPoint { get; }

    /// <summary>The peer as people write it: <c>127.0.0.1:8000</c>, <c>[::1]:8000</c>, or a Unix socket's path.</summary>
    public string PeerName => Endpoints.Format(RemoteEndPoint);

    /// <summary>What the TLS handshake settled, once <see cref="StartTlsAsync"/> or <see cref="AcceptTlsAsync"/> succeeded; null for a plain connection.</summary>
    public TlsSession? Tls { get; private set; }

    /// <summary>The TLS stream every send and receive goes through, once TLS is on.</summary>
    internal SslStream? TlsStream => _tls;

    /// <summary>
    /// Handshakes as a TLS client for <paramref name="targetHost"/> (sent as SNI and checked against the certificate,
    /// unless <see cref="TlsClientOptions.TargetHost"/> says otherwise); every send and receive is encrypted from then on.
    /// Throws <see cref="TlsException"/> (certificate not trusted, or a protocol failure) or <see cref="ConnectionException"/>.
    /// </summary>
    public async ValueTask<TlsSession> StartTlsAsync(string targetHost, TlsClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetHost);
        EnsurePlain();
        var (stream, session) = await TlsHandshake.AsClientAsync(new NetworkStream(Socket, ownsSocket: false), targetHost, RemoteEndPoint, options ?? new TlsClientOptions(), cancellationToken).ConfigureAwait(false);
        _clientHandshakeDone = System.Diagnostics.Stopwatch.GetTimestamp();
        _tls = stream;
        Tls = session;
        return session;
    }

    /// <summary>Handshakes as a TLS server with <paramref name="options"/>' certificate; every send and receive is encrypted from then on.</summary>
    public async ValueTask<TlsSession> AcceptTlsAsync(TlsServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        EnsurePlain();
        var (stream, session) = await TlsHandshake.AsServerAsync(new NetworkStream(Socket, ownsSocket: false), RemoteEndPoint, options, cancellationToken).ConfigureAwait(false);
        _tls = stream;
        Tls = session;
        return session;
    }

    /// <summary><c>sendall</c>: sends every byte (one datagram for UDP). Throws <see cref="ConnectionException"/> when the peer reset the connection.</summary>
    public async ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        try
        {
            if (_tls is not null)
            {
                await _tls.WriteAsync(data, cancellationToken).ConfigureAwait(false);
                return;
            }
            if (Transport == Transport.Udp)
            {
                await Socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                return;
            }
            while (!data.IsEmpty)
            {
                var sent = await Socket.SendAsync(data, SocketFlags.None, cancellationToken).ConfigureAwait(false);
                data = data[sent..];
            }
        }
        catch (SocketException e)
        {
            throw Failed("send to", ConnectionPhase.Send, e);
        }
        catch (IOException e) when (_tls is not null)
        {
            throw TlsFailed("send to", ConnectionPhase.Send, e);
        }
        catch (InvalidOperationException) when (_tls is not null && Volatile.Read(ref _disposed) != 0)
        {
            // A TLS stream closed under the call says "not authenticated"; say what happened, as the socket would.
            throw new ObjectDisposedException(nameof(Connection));
        }
    }

    /// <summary><c>recv</c>: up to <paramref name="buffer"/>'s length; 0 when the peer has closed its sending side (TCP, Unix).</summary>
    public async ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        try
        {
            return _tls is not null
                ? await _tls.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)
                : await Socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw Failed("receive from", ConnectionPhase.Receive, e);
        }
        catch (IOException e) when (_tls is not null)
        {
            throw TlsFailed("receive from", ConnectionPhase.Receive, e);
        }
        catch (InvalidOperationException) when (_tls is not null && Volatile.Read(ref _disposed) != 0)
        {
            throw new ObjectDisposedException(nameof(Connection));
        }
    }

    /// <summary>
    /// Receives until the peer closes (the right way to read a message with no framing of its own: not "until a recv
    /// returns less than the buffer", which TCP does not promise). For UDP, returns one datagram.
    /// </summary>
    public async ValueTask<byte[]> ReceiveToEndAsync(CancellationToken cancellationToken = default)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(65536);
        try
        {
            using var all = new MemoryStream();
            while (true)
            {
                var n = await ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
                all.Write(buffer, 0, n);
                if (n == 0 || Transport == Transport.Udp)
                {
                    return all.ToArray();
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary><c>shutdown(SHUT_WR)</c>: tells the peer this side will send no more, while still receiving. Does nothing for UDP.</summary>
    public void ShutdownSend()
    {
        if (Transport == Transport.Udp)
        {
            return;
        }
        try
        {
            Socket.Shutdown(SocketShutdown.Send);
        }
        catch (SocketException e) when (e.SocketErrorCode == System.Net.Sockets.SocketError.NotConnected)
        {
            // The peer is already gone; there is nothing left to tell it.
        }
        catch (SocketException e)
        {
            throw Failed("shut down sending to", ConnectionPhase.Send, e);
        }
    }

    /// <summary>
    /// Half-close: over TLS, first a close_notify alert (the TLS end of data), then <c>shutdown(SHUT_WR)</c>; on a plain
    /// connection only the latter, as <see cref="ShutdownSend"/>. Receiving goes on.
    /// </summary>
    public async ValueTask ShutdownSendAsync()
    {
        if (_tls is not null)
        {
            try
            {
                await SendCloseNotifyAsync(_tls, _clientHandshakeDone).ConfigureAwait(false);
            }
            catch (IOException e)
            {
                throw TlsFailed("shut down sending to", ConnectionPhase.Send, e);
            }
            catch (InvalidOperationException) when (Volatile.Read(ref _disposed) != 0)
            {
                throw new ObjectDisposedException(nameof(Connection));
            }
        }
        ShutdownSend();
    }

    /// <summary>Closes the connection, aborting it (TCP reset) instead of closing it gracefully.</summary>
    public void Abort()
    {
        Socket.LingerState = new LingerOption(true, 0);
        Dispose();
    }

    /// <summary>Closes the socket.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _tls?.Dispose();
            Socket.Dispose();
        }
    }

    /// <summary>Closes the socket.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    // Right after a TLS 1.3 handshake, until the server's session tickets (sent one round trip after it) have been read,
    // OpenSSL counts a client "in init" and refuses SSL_shutdown ("shutdown while in init"); the failed call can also
    // upset the receiving side's SSL_read on the same SSL object. So a client gives the tickets a moment first, and if
    // OpenSSL still refuses, the TCP shutdown alone tells the peer the end (most peers take it as such).
    private static readonly TimeSpan s_ticketGrace = TimeSpan.FromMilliseconds(250);

    private static async ValueTask SendCloseNotifyAsync(SslStream tls, long clientHandshakeDone)
    {
        if (clientHandshakeDone != 0 && tls.SslProtocol == System.Security.Authentication.SslProtocols.Tls13
            && System.Diagnostics.Stopwatch.GetElapsedTime(clientHandshakeDone) is var since && since < s_ticketGrace)
        {
            await Task.Delay(s_ticketGrace - since).ConfigureAwait(false);
        }
        try
        {
            await tls.ShutdownAsync().ConfigureAwait(false);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
        }
    }

    private void EnsurePlain()
    {
        if (_tls is not null || Transport == Transport.Udp)
        {
            throw new InvalidOperationException(_tls is not null ? "TLS is already on" : "TLS needs a stream connection (TCP or Unix), not UDP");
        }
    }

    // A TLS stream wraps the socket's failure in an IOException; anything else from it is the TLS layer's own (a bad record, an alert).
    private ConnectionException TlsFailed(string what, ConnectionPhase phase, IOException e)
    {
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is SocketException socketError)
            {
                return Failed(what, phase, socketError);
            }
        }
        return new ConnectionException(SockitFailure.Protocol, $"{what} {PeerName} failed: TLS: {e.Message}", e) { Phase = phase };
    }

    internal ConnectionException Failed(string what, ConnectionPhase phase, SocketException e)
    {
        var kind = SocketErrors.Kind(e.SocketErrorCode);
        var message = kind == SockitFailure.Reset ? $"connection to {PeerName} reset by peer" : $"{what} {PeerName} failed: {e.Message}";
        var peer = RemoteEndPoint as IPEndPoint;
        return new ConnectionException(kind, message, e)
        {
            Phase = phase,
            Host = peer?.Address.ToString(),
            Port = peer?.Port,
            Path = Transport == Transport.Unix ? PeerName : null,
        };
    }
}
