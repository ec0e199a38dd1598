using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Sockit.Connections;

namespace Sockit.Http;

/// <summary>
/// HTTP/1.x over a raw TCP socket, the lesson's "socket as a web browser" done right: resolve, connect, send one
/// request with <c>Connection: close</c>, and read the response to the end its framing gives (RFC 9112 section 6.3),
/// streaming the body to a caller's <see cref="Stream"/>, and noting when each phase ends (<see cref="HttpWireResponse.Timings"/>).
/// Plain http only; no decompression, no reuse; one exchange, no redirects (<see cref="HttpRedirectFollower"/> follows them).
/// </summary>
public sealed class HttpWireClient
{
    private static readonly HttpWireObserver s_noObserver = new Unobserved();
    private static readonly ConnectOptions s_connectOptions = new(); // TCP, every address family; the exchange's own timeout bounds the connect.

    /// <summary>Creates a client with <paramref name="options"/> (defaults when null).</summary>
    public HttpWireClient(HttpWireClientOptions? options = null)
    {
        Options = options ?? new HttpWireClientOptions();
    }

    /// <summary>The client's settings.</summary>
    public HttpWireClientOptions Options { get; }

    /// <summary>GETs <paramref name="url"/> and writes the body to <paramref name="body"/>.</summary>
    public Task<HttpWireResponse> GetAsync(Uri url, Stream body, HttpWireObserver? observer = null, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpWireRequest(url), body, observer, cancellationToken);

    /// <summary>
    /// Resolves the URL's host (or takes <see cref="HttpWireClientOptions.ConnectTo"/>'s and <see cref="HttpWireClientOptions.Resolve"/>'s
    /// word for where to go) and connects to its addresses in order until one accepts (<see cref="Connections.Connector"/>), sends
    /// <paramref name="request"/>, and reads the response, writing its body to <paramref name="body"/>.
    /// Throws <see cref="LookupException"/> (unknown host), <see cref="ConnectionException"/> (refused,
    /// unreachable, reset, timed out; its <see cref="ConnectionException.Phase"/> says in which step) or
    /// <see cref="HttpWireProtocolException"/> (malformed or cut-short response).
    /// </summary>
    public async Task<HttpWireResponse> SendAsync(HttpWireRequest request, Stream body, HttpWireObserver? observer = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(body);
        observer ??= s_noObserver;
        var exchange = new Exchange(Stopwatch.GetTimestamp());
        using var timeout = StartTimeout(Options, cancellationToken);
        try
        {
            using var connection = await ConnectAsync(request.Url, Options, observer, exchange, timeout.Token).ConfigureAwait(false);
            if (request.Url.Scheme == Uri.UriSchemeHttps)
            {
                exchange.Phase = $"in the TLS handshake with {connection.PeerName}";
            }
            var tls = request.Url.Scheme == Uri.UriSchemeHttps
                ? await HttpsHandshake.RunAsync(connection, request.Url, Options.Tls, observer, timeout.Token).ConfigureAwait(false)
                : null;
            // The handshake's end is curl's time_appconnect; unset (zero) for plain http, as curl prints it.
            if (tls is not null)
            {
                exchange.TlsDone = Stopwatch.GetTimestamp();
            }
            exchange.Remote = connection.RemoteEndPoint;
            exchange.Tls = tls;
            Stream stream = connection.TlsStream is { } secure ? secure : new NetworkStream(connection.Socket, ownsSocket: false);
            await using (stream.ConfigureAwait(false))
            {
                var response = await ExchangeCoreAsync(stream, request, request.Method, body, observer, Options, exchange, timeout.Token).ConfigureAwait(false);
                observer.OnTrace($"closing the connection to {connection.RemoteEndPoint}");
                return response;
            }
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            throw TimedOut(Options, exchange, e, request.Url);
        }
    }

    /// <summary>
    /// Reads one response from <paramref name="connection"/> (the request was sent by the caller with method
    /// <paramref name="requestMethod"/>), writing its body to <paramref name="body"/>: the right way to do what the lesson's
    /// read loop tries to.
    /// </summary>
    public static async Task<HttpWireResponse> ReadResponseAsync(Stream connection, string requestMethod, Stream body, HttpWireObserver? observer = null, HttpWireClientOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(requestMethod);
        ArgumentNullException.ThrowIfNull(body);
        return await ReadOnStreamAsync(connection, requestMethod, body, observer, options, cancellationToken).ConfigureAwait(false);
    }

    // ReadResponseAsync: one response on the caller's stream, bounded by the options' timeout.
    private static async Task<HttpWireResponse> ReadOnStreamAsync(Stream connection, string method, Stream body, HttpWireObserver? observer, HttpWireClientOptions? options, CancellationToken cancellationToken)
    {
        options ??= new HttpWireClientOptions();
        var exchange = new Exchange(Stopwatch.GetTimestamp());
        using var timeout = StartTimeout(options, cancellationToken);
        try
        {
            return await ExchangeCoreAsync(connection, null, method, body, observer ?? s_noObserver, options, exchange, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            throw TimedOut(options, exchange, e, url: null);
        }
    }

    private static CancellationTokenSource StartTimeout(HttpWireClientOptions options, CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.Timeout is { } timeout)
        {
            source.CancelAfter(timeout);
        }
        return source;
    }

    private static ConnectionException TimedOut(HttpWireClientOptions options, Exchange exchange, Exception inner, Uri? url)
    {
        var seconds = options.Timeout!.Value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        return new ConnectionException(SockitFailure.TimedOut, $"timed out after {seconds} s {exchange.Describe()}", inner)
        {
            Phase = exchange.Step,
            Host = url?.IdnHost,
            Port = url?.Port,
            Timeout = options.Timeout,
        };
    }

    // The library's one connect path (Connector): resolve, each address in turn, SocketError translated once; only the
    // words of a failure are get's own, naming the URL's authority as the user wrote it.
    private static async Task<Connection> ConnectAsync(Uri url, HttpWireClientOptions options, HttpWireObserver observer, Exchange exchange, CancellationToken cancellationToken)
    {
        var trace = new ConnectTrace(observer, exchange);
        var (host, port) = (url.IdnHost, url.Port);
        if (options.ConnectTo.FirstOrDefault(c => c.Matches(host, port)) is { } connectTo)
        {
            (host, port) = (connectTo.ToHost ?? host, connectTo.ToPort ?? port);
            observer.OnTrace($"connecting to {(host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host)}:{port} instead of {url.Authority} (connect-to)");
        }
        try
        {
            if (options.Proxy is { } proxy)
            {
                return await Connector.ConnectAsync(host, port, new ConnectOptions { Proxy = proxy }, trace, cancellationToken).ConfigureAwait(false);
            }
            if (options.Resolve.FirstOrDefault(r => r.Matches(host, port)) is { } resolve)
            {
                // No lookup at all: the caller named the addresses.
                observer.OnTrace($"{host} is {string.Join(", ", resolve.Addresses)} (given, not looked up)");
                return await Connector.ConnectAsync(host, port, resolve.Addresses, s_connectOptions, trace, cancellationToken).ConfigureAwait(false);
            }
            return await Connector.ConnectAsync(host, port, s_connectOptions, trace, cancellationToken).ConfigureAwait(false);
        }
        catch (LookupException e) when (e.InnerException is SocketException socketError)
        {
            throw new LookupException(socketError.SocketErrorCode == SocketError.TryAgain
                ? $"cannot resolve '{url.IdnHost}': temporary failure in name resolution"
                : $"cannot resolve '{url.IdnHost}': unknown host", e.Failure, socketError)
            {
                Name = url.IdnHost,
                Family = e.Family,
            };
        }
        catch (ConnectionException e)
        {
            var where = string.Join(", ", e.Tried);
            var failure = e.Failure == SockitFailure.Refused
                ? new ConnectionException(e.Failure, $"cannot connect to {url.Authority}: connection refused by {where}", e.InnerException)
                : Translate(e, $"cannot connect to {url.Authority} ({where})");
            // The host and port connected to: the URL's, or --connect-to's.
            throw new ConnectionException(failure.Failure, failure.Message, failure.InnerException)
            {
                Phase = ConnectionPhase.Connect,
                Host = host,
                Port = port,
                Tried = e.Tried,
                Timeout = e.Timeout,
            };
        }
    }

    private static async Task<HttpWireResponse> ExchangeCoreAsync(Stream connection, HttpWireRequest? request, string method, Stream body, HttpWireObserver observer, HttpWireClientOptions options, Exchange exchange, CancellationToken cancellationToken)
    {
        try
        {
            if (request is not null)
            {
                var requestBytes = HttpRequestWriter.Write(request);
                exchange.Phase = "sending the request";
                exchange.Step = ConnectionPhase.Send;
                await connection.WriteAsync(requestBytes, cancellationToken).ConfigureAwait(false);
                await connection.FlushAsync(cancellationToken).ConfigureAwait(false);
                observer.OnRequestSent(requestBytes);
                observer.OnTrace($"sent {requestBytes.Length} bytes: {request.Method} {request.Target} HTTP/{request.Version.Major}.{request.Version.Minor}");
            }
            return await ReadCoreAsync(connection, method, body, observer, options, exchange, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (e.InnerException is SocketException socketException)
        {
            throw Translate(socketException, $"connection failed {exchange.Describe()}", exchange.Step);
        }
        catch (SocketException e)
        {
            throw Translate(e, $"connection failed {exchange.Describe()}", exchange.Step);
        }
        catch (IOException e) when (connection is System.Net.Security.SslStream)
        {
            // The TLS layer failed after the handshake: an alert from the server (a client certificate it requires, say) or a bad record.
            var reason = (Exception)e;
            while (reason.InnerException is not null)
            {
                reason = reason.InnerException;
            }
            throw new ConnectionException(SockitFailure.Protocol, $"TLS failed {exchange.Describe()}: {reason.Message.TrimEnd('.')}", e) { Phase = exchange.Step };
        }
    }

    private static async Task<HttpWireResponse> ReadCoreAsync(Stream connection, string method, Stream body, HttpWireObserver observer, HttpWireClientOptions options, Exchange exchange, CancellationToken cancellationToken)
    {
        var reader = new HttpResponseReader(method, options.Limits);
        exchange.Reader = reader;
        exchange.Phase = "waiting for the response";
        exchange.Step = ConnectionPhase.Receive;
        var size = Math.Max(options.ReceiveBufferSize, 1024);
        var buffer = ArrayPool<byte>.Shared.Rent(size);
        // A Content-Length body bound for a file nobody watches byte by byte skips the process (SplicedBody).
        using var spliced = observer.WantsResponseBytes ? null : SplicedBody.TryCreate(connection, body);
        try
        {
            while (!reader.IsComplete)
            {
                if (spliced is { Stopped: false } && reader.ContentLengthLeft > 0)
                {
                    await SpliceBodyAsync(spliced, reader, body, observer, exchange, buffer, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                var received = await connection.ReadAsync(buffer.AsMemory(0, size), cancellationToken).ConfigureAwait(false);
                exchange.FirstByte ??= Stopwatch.GetTimestamp();
                if (received == 0)
                {
                    observer.OnTrace($"the server closed the connection after {exchange.WireBytes} bytes");
                    reader.EndOfStream();
                    break;
                }
                exchange.WireBytes += received;
                observer.OnResponseBytes(buffer.AsSpan(0, received));
                var offset = 0;
                while (true)
                {
                    var status = Step(reader, buffer, offset, received - offset, out var consumed, out var bodyStart, out var bodyLength);
                    offset += consumed;
                    if (status == HttpReadStatus.Body)
                    {
                        await WriteBodyAsync(body, buffer.AsMemory(bodyStart, bodyLength), cancellationToken).ConfigureAwait(false);
                        observer.OnBodyProgress(reader.BodyBytesRead, reader.ContentLength);
                    }
                    else if (status == HttpReadStatus.InterimHead)
                    {
                        var interim = reader.InterimHeads[^1];
                        observer.OnTrace($"interim response skipped: {interim}");
                        observer.OnInterimHead(interim);
                    }
                    else if (status == HttpReadStatus.Head)
                    {
                        exchange.Phase = "reading the body";
                        observer.OnTrace($"response: {reader.Head} (body: {DescribeFraming(reader)})");
                        observer.OnHead(reader.Head!, reader.Framing, reader.ContentLength);
                    }
                    else
                    {
                        if (status == HttpReadStatus.Complete && offset < received)
                        {
                            observer.OnTrace($"ignored {received - offset} bytes after the end of the response");
                        }
                        break;
                    }
                }
            }
            await body.FlushAsync(cancellationToken).ConfigureAwait(false);
            var finished = Stopwatch.GetTimestamp();
            observer.OnTrace($"response complete: {reader.BodyBytesRead} body bytes, {exchange.WireBytes} bytes on the wire, in {Milliseconds(Stopwatch.GetElapsedTime(exchange.Started))} ms");
            return new HttpWireResponse
            {
                Head = reader.Head!,
                InterimHeads = reader.InterimHeads,
                Trailers = reader.Trailers,
                Framing = reader.Framing,
                ContentLength = reader.ContentLength,
                BodyLength = reader.BodyBytesRead,
                WireBytesReceived = exchange.WireBytes,
                // A TLS stream hides the socket: SendAsync names the peer; a caller's own stream is asked.
                RemoteEndPoint = exchange.Remote ?? (connection as NetworkStream)?.Socket.RemoteEndPoint,
                Elapsed = Stopwatch.GetElapsedTime(exchange.Started, finished),
                Timings = exchange.Timings(finished),
                Tls = exchange.Tls,
            };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // A FileStream opened for synchronous writes hops to the thread pool for every WriteAsync, which costs more than the
    // write itself: write it in place (as curl does).
    private static ValueTask WriteBodyAsync(Stream body, ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        if (body is FileStream { IsAsync: false } file)
        {
            file.Write(bytes.Span);
            return ValueTask.CompletedTask;
        }
        return body.WriteAsync(bytes, cancellationToken);
    }

    // The Content-Length body from the socket straight into the file, waiting for the socket with a zero-byte receive
    // (cancellable, as every other wait of the exchange) when it has nothing; back to the ordinary reads once splicing stops.
    private static async Task SpliceBodyAsync(SplicedBody spliced, HttpResponseReader reader, Stream body, HttpWireObserver observer, Exchange exchange, byte[] buffer, CancellationToken cancellationToken)
    {
        await body.FlushAsync(cancellationToken).ConfigureAwait(false);
        while (reader.ContentLengthLeft > 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var moved = spliced.Move(reader.ContentLengthLeft, buffer);
            if (moved == SplicedBody.Idle)
            {
                try
                {
                    await spliced.WaitAsync(reader.ContentLengthLeft, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // A timeout or a cancel: bytes that arrived below the wait's low-water mark are in the file's share
                    // too, and the failure counts them.
                    TakeWhatArrived(spliced, reader, observer, exchange, buffer);
                    throw;
                }
                continue;
            }
            if (spliced.Stopped && moved == 0)
            {
                return;
            }
            Account(moved, reader, observer, exchange);
            if (spliced.Stopped)
            {
                return;
            }
        }
    }

    private static void Account(long moved, HttpResponseReader reader, HttpWireObserver observer, Exchange exchange)
    {
        exchange.WireBytes += moved;
        reader.SkipBody(moved);
        observer.OnBodyProgress(reader.BodyBytesRead, reader.ContentLength);
    }

    private static void TakeWhatArrived(SplicedBody spliced, HttpResponseReader reader, HttpWireObserver observer, Exchange exchange, byte[] buffer)
    {
        try
        {
            if (spliced.Move(reader.ContentLengthLeft, buffer) is > 0 and var moved)
            {
                Account(moved, reader, observer, exchange);
            }
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException)
        {
            // The wait's own end is the failure to tell; this one only changes the count.
        }
    }

    // The span-based reader runs outside the async method; only offsets cross the awaits.
    private static HttpReadStatus Step(HttpResponseReader reader, byte[] buffer, int offset, int length, out int consumed, out int bodyStart, out int bodyLength)
    {
        var input = buffer.AsSpan(offset, length);
        var status = reader.Read(input, out consumed, out var body);
        bodyLength = body.Length;
        bodyStart = offset;
        if (!body.IsEmpty && input.Overlaps(body, out var elementOffset))
        {
            bodyStart = offset + elementOffset;
        }
        return status;
    }

    private static string DescribeFraming(HttpResponseReader reader) => reader.Framing switch
    {
        HttpBodyFraming.None => "none",
        HttpBodyFraming.Chunked => "chunked",
        HttpBodyFraming.ContentLength => $"Content-Length {reader.ContentLength}",
        _ => "until the server closes",
    };

    private static ConnectionException Translate(SocketException e, string what, ConnectionPhase phase) =>
        Translate(SocketErrors.Kind(e.SocketErrorCode), e, $"{e.Message} ({e.SocketErrorCode})", what, phase);

    private static ConnectionException Translate(ConnectionException e, string what) => e.InnerException is SocketException socketError
        ? Translate(e.Failure, socketError, $"{socketError.Message} ({socketError.SocketErrorCode})", what, e.Phase)
        : Translate(e.Failure, e, e.Message, what, e.Phase);

    private static ConnectionException Translate(SockitFailure failure, Exception inner, string reason, string what, ConnectionPhase phase)
    {
        var why = failure == SockitFailure.Reset ? "the server reset the connection" : reason;
        return new ConnectionException(failure, $"{what}: {why}", inner) { Phase = phase };
    }

    private static string Milliseconds(TimeSpan elapsed) => elapsed.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture);

    private sealed class Exchange(long started)
    {
        public long Started { get; } = started;

        public string Phase { get; set; } = "starting";

        /// <summary><see cref="Phase"/> as the exception's fact.</summary>
        public ConnectionPhase Step { get; set; } = ConnectionPhase.Resolve;

        public long WireBytes { get; set; }

        public HttpResponseReader? Reader { get; set; }

        /// <summary>The peer connected to, when this client connected (a caller's stream: null).</summary>
        public EndPoint? Remote { get; set; }

        /// <summary>What the TLS handshake settled, for an https URL.</summary>
        public Sockit.Tls.TlsSession? Tls { get; set; }

        // Stopwatch timestamps of the phases' ends, set where each happens; null until then.
        public long? Resolved { get; set; }

        public long? Connected { get; set; }

        /// <summary>The end of the TLS handshake: set by the TLS step once it exists; unset for plain http.</summary>
        public long? TlsDone { get; set; }

        public long? FirstByte { get; set; }

        public HttpTimings Timings(long finished)
        {
            // Each phase at least the one before, so that an exchange without a connect of its own still reads in order.
            var lookup = Since(Resolved ?? Started);
            var connect = Max(lookup, Since(Connected ?? Started));
            var tls = TlsDone is { } done ? Max(connect, Since(done)) : TimeSpan.Zero;
            var firstByte = Max(Max(connect, tls), Since(FirstByte ?? finished));
            return new HttpTimings
            {
                NameLookup = lookup,
                Connect = connect,
                TlsHandshake = tls,
                FirstByte = firstByte,
                Total = Max(firstByte, Since(finished)),
            };
        }

        private TimeSpan Since(long timestamp) => Stopwatch.GetElapsedTime(Started, timestamp);

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

        public string Describe() => Reader switch
        {
            { Head: not null, ContentLength: { } length } r => $"{Phase} (received {r.BodyBytesRead} of {length} bytes)",
            { Head: not null } r => $"{Phase} (received {r.BodyBytesRead} body bytes)",
            _ => $"{Phase} (received {WireBytes} bytes)",
        };
    }

    /// <summary>No observer: nothing watches the bytes, so a body may skip the process.</summary>
    private sealed class Unobserved : HttpWireObserver
    {
        public override bool WantsResponseBytes => false;
    }

    /// <summary>Turns the connect steps into get's trace lines and the phase a timeout message names.</summary>
    private sealed class ConnectTrace(HttpWireObserver observer, Exchange exchange) : IConnectProgress, Proxies.IProxyProgress
    {
        public void OnProxyHandshake(Proxies.ProxyOptions proxy, string target)
        {
            exchange.Phase = $"in the proxy handshake with {proxy}";
            exchange.Step = ConnectionPhase.Connect;
            observer.OnTrace($"asking proxy {proxy} for a tunnel to {target}");
        }

        public void OnProxyTunnel(Proxies.ProxyOptions proxy, string target, string bound)
        {
            exchange.Connected = Stopwatch.GetTimestamp();
            observer.OnTrace(proxy.Kind == Proxies.ProxyKind.HttpConnect
                ? $"tunnel to {target} open: proxy answered {bound}"
                : $"tunnel to {target} open: proxy connected from {bound}");
        }

        public void OnResolving(string host)
        {
            exchange.Phase = $"resolving {host}";
            exchange.Step = ConnectionPhase.Resolve;
            observer.OnTrace($"resolving {host}");
        }

        public void OnResolved(string host, IReadOnlyList<IPAddress> addresses)
        {
            exchange.Resolved = Stopwatch.GetTimestamp();
            observer.OnTrace($"{host} is {string.Join(", ", addresses)}");
        }

        public void OnConnecting(IPEndPoint endPoint, int index)
        {
            // A literal address or a given one (--resolve) needs no lookup: it is done when the first connect starts.
            exchange.Resolved ??= Stopwatch.GetTimestamp();
            exchange.Phase = $"connecting to {endPoint}";
            exchange.Step = ConnectionPhase.Connect;
            observer.OnTrace($"connecting to {endPoint}");
        }

        public void OnConnected(IPEndPoint endPoint, EndPoint? localEndPoint, TimeSpan elapsed)
        {
            exchange.Connected = Stopwatch.GetTimestamp();
            observer.OnTrace($"connected to {endPoint} from {localEndPoint} in {Milliseconds(elapsed)} ms");
        }

        public void OnAttemptFailed(IPEndPoint endPoint, ConnectionException failure) =>
            observer.OnTrace(failure.InnerException is SocketException e ? $"{endPoint}: {e.Message} ({e.SocketErrorCode})" : $"{endPoint}: {failure.Message}");

        public void OnAttemptAbandoned(IPEndPoint endPoint) =>
            observer.OnTrace($"{endPoint}: abandoned, another address connected first");
    }
}
