using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Sockit.Connections;
using Sockit.Servers;

namespace Sockit.Forwarding;

/// <summary>
/// socat's <c>TCP-LISTEN:A,fork TCP:host:B</c>: listens, and connects each client to the target (through
/// <see cref="Connector"/>, so every address of a name is tried), relaying both ways with half-close, many clients at
/// once. Either side may be TLS: a TLS listener terminates it, <see cref="ForwardOptions.TargetTls"/> originates it.
/// UDP: each client address gets its own connected socket to the target, forgotten after
/// <see cref="ForwardOptions.UdpIdleTimeout"/>. A target that fails closes that client and raises an event; the
/// forwarder goes on serving until disposed.
/// </summary>
public sealed class Forwarder : IAsyncDisposable
{
    private static readonly TimeSpan s_acceptRetry = TimeSpan.FromMilliseconds(100);

    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<long, Task> _clients = new();
    private readonly ConnectOptions _connectOptions;
    private long _nextClient;
    private int _active;
    private int _disposed;

    private Forwarder(Listener listener, ForwardOptions options)
    {
        Listener = listener;
        Options = options;
        _connectOptions = new ConnectOptions
        {
            Transport = options.Target.Transport == Transport.Udp ? Transport.Udp : Transport.Tcp,
            ConnectTimeout = options.ConnectTimeout,
            Tls = options.TargetTls,
        };
        Completion = listener.Transport == Transport.Udp
            ? new UdpForwarding(this).RunAsync(_stop.Token)
            : AcceptLoopAsync(_stop.Token);
    }

    /// <summary>The bound listener: its <see cref="Listener.Name"/> and <see cref="Listener.Port"/> say where clients connect.</summary>
    public Listener Listener { get; }

    /// <summary>The options it runs with.</summary>
    public ForwardOptions Options { get; }

    /// <summary>How many clients are being served now.</summary>
    public int ActiveClients => Volatile.Read(ref _active);

    /// <summary>Ends when the forwarder is disposed (or, failing, when its listener fails for good).</summary>
    public Task Completion { get; }

    /// <summary>
    /// Binds <see cref="ForwardOptions.Listen"/> and starts serving. Throws <see cref="ConnectionException"/>
    /// (<see cref="SockitFailure.AddressInUse"/>, ...) when it cannot listen there, and <see cref="ArgumentException"/>
    /// when the listener and the target do not go together (UDP with a stream, TLS with UDP).
    /// </summary>
    public static Forwarder Start(ForwardOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(options.Listen);
        ArgumentNullException.ThrowIfNull(options.Target);
        var udpListen = options.Listen.Transport == Transport.Udp;
        if (udpListen != (options.Target.Transport == Transport.Udp))
        {
            throw new ArgumentException("a UDP listener needs a UDP target, and a stream listener (TCP, Unix) a stream target", nameof(options));
        }
        if (udpListen && options.TargetTls is not null)
        {
            throw new ArgumentException("TLS to the target needs a stream target (TCP or Unix), not UDP", nameof(options));
        }
        if (options.MaxClients is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max, nameof(options));
        }
        var listener = Listener.Bind(options.Listen);
        return new Forwarder(listener, options);
    }

    /// <summary>Stops accepting, closes every client and its target connection, and waits for their tasks.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        await Listener.DisposeAsync().ConfigureAwait(false);
        try
        {
            await Completion.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
        await Task.WhenAll(_clients.Values).ConfigureAwait(false);
        _stop.Dispose();
    }

    internal void Raise(ForwardEvent e) => Options.Events?.Invoke(e);

    /// <summary>Takes a client slot; false (and a Rejected event) when <see cref="ForwardOptions.MaxClients"/> are being served.</summary>
    internal bool TryEnter(System.Net.EndPoint client)
    {
        if (Interlocked.Increment(ref _active) <= (Options.MaxClients ?? int.MaxValue))
        {
            return true;
        }
        Interlocked.Decrement(ref _active);
        Raise(new ForwardEvent(ForwardEventKind.Rejected, client, Options.Target.Name)
        {
            Detail = string.Create(CultureInfo.InvariantCulture, $"already serving {Options.MaxClients} clients (the maximum)"),
        });
        return false;
    }

    internal void Leave() => Interlocked.Decrement(ref _active);

    /// <summary>Connects to the target for one client (TCP or Unix, with TLS when asked; UDP: a connected socket).</summary>
    internal ValueTask<Connection> ConnectTargetAsync(CancellationToken cancellationToken) =>
        Options.Target.Transport == Transport.Unix
            ? Connector.ConnectUnixAsync(Options.Target.UnixPath!, _connectOptions, cancellationToken)
            : Connector.ConnectAsync(Options.Target.Host!, Options.Target.Port, _connectOptions, cancellationToken);

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        while (!cancellationToken.IsCancellationRequested)
        {
            Connection client;
            try
            {
                client = await Listener.AcceptPlainAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException or ConnectionException)
            {
                return;
            }
            catch (ConnectionException e)
            {
                // Out of file descriptors, or a client gone before accept: wait a moment (not a busy loop) and go on.
                Raise(new ForwardEvent(ForwardEventKind.AcceptFailed, null, Options.Target.Name) { Failure = e });
                try
                {
                    await Task.Delay(s_acceptRetry, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                continue;
            }
            if (!TryEnter(client.RemoteEndPoint))
            {
                client.Dispose();
                continue;
            }
            var id = Interlocked.Increment(ref _nextClient);
            var task = ServeAsync(client, cancellationToken);
            _clients[id] = task;
            // Removed once done, and only after it was added (a removal in the task itself could come first).
            _ = task.ContinueWith(_ => _clients.TryRemove(id, out var _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private async Task ServeAsync(Connection client, CancellationToken cancellationToken)
    {
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        var started = Stopwatch.GetTimestamp();
        Connection? target = null;
        // Stopping closes both connections, which ends the relay's loops without a token on every receive.
        using var stopping = cancellationToken.Register(() =>
        {
            StreamSplice.Abort(client);
            if (Volatile.Read(ref target) is { } t)
            {
                StreamSplice.Abort(t);
            }
        });
        try
        {
            if (Listener.Tls is { } tls && !await HandshakeAsync(client, tls, cancellationToken).ConfigureAwait(false))
            {
                return;
            }
            try
            {
                target = await ConnectTargetAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (SockitException e)
            {
                // The client is closed (FIN, as socat and ncat do) when the target cannot be had.
                Raise(new ForwardEvent(ForwardEventKind.TargetFailed, client.RemoteEndPoint, Options.Target.Name) { Failure = e, Duration = Stopwatch.GetElapsedTime(started) });
                return;
            }
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            Raise(new ForwardEvent(ForwardEventKind.Connected, client.RemoteEndPoint, Options.Target.Name) { TargetAddress = target.RemoteEndPoint });
            var splice = await StreamSplice.RunAsync(client, target).ConfigureAwait(false);
            Raise(new ForwardEvent(ForwardEventKind.Closed, client.RemoteEndPoint, Options.Target.Name)
            {
                TargetAddress = target.RemoteEndPoint,
                BytesUp = splice.BytesUp,
                BytesDown = splice.BytesDown,
                Duration = Stopwatch.GetElapsedTime(started),
                Failure = cancellationToken.IsCancellationRequested ? null : splice.Failure,
            });
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            target?.Dispose();
            client.Dispose();
            Leave();
        }
    }

    private async ValueTask<bool> HandshakeAsync(Connection client, Tls.TlsServerOptions tls, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Options.HandshakeTimeout);
        try
        {
            await client.AcceptTlsAsync(tls, deadline.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var seconds = Options.HandshakeTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            Raise(new ForwardEvent(ForwardEventKind.HandshakeFailed, client.RemoteEndPoint, Options.Target.Name)
            {
                Failure = new ConnectionException(SockitFailure.TimedOut, $"TLS handshake with {client.PeerName} timed out after {seconds} s") { Timeout = Options.HandshakeTimeout },
            });
            return false;
        }
        catch (SockitException e)
        {
            Raise(new ForwardEvent(ForwardEventKind.HandshakeFailed, client.RemoteEndPoint, Options.Target.Name) { Failure = e });
            return false;
        }
    }
}
