namespace Sockit.Connections;

/// <summary>How a <see cref="Relay"/> copies. The defaults are netcat's, with the half-close done right.</summary>
public sealed record RelayOptions
{
    /// <summary>
    /// At the end of the input, shut down the sending side (<c>shutdown(SHUT_WR)</c>) so the peer sees end-of-file,
    /// and keep receiving until the peer closes. Default true; false is <c>--no-shutdown</c>.
    /// </summary>
    public bool ShutdownOnInputEnd { get; init; } = true;

    /// <summary>
    /// When the peer closes its sending side, stop at once even if input remains (right for a terminal, whose input
    /// never ends by itself). Default false: the rest of the input is still sent, as half-close means.
    /// </summary>
    public bool StopWhenPeerCloses { get; init; }

    /// <summary>
    /// When the peer closes its sending side, dispose the output stream, so whoever reads it (a program's stdin) sees
    /// end-of-file too. Default false: the output stays the caller's to close.
    /// </summary>
    public bool CloseOutputWhenPeerCloses { get; init; }

    /// <summary>Fail with <see cref="SockitFailure.TimedOut"/> when no byte has moved either way for this long. Default null: wait for ever.</summary>
    public TimeSpan? IdleTimeout { get; init; }

    /// <summary>
    /// UDP has no end-of-file: after the input ends, keep receiving replies until none has come for this long, then stop.
    /// Default 1 second (or <see cref="IdleTimeout"/> when that is set).
    /// </summary>
    public TimeSpan UdpLinger { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Never read the input: only what the peer sends is copied, the sending side stays open, and the relay ends when
    /// the peer closes (ncat's <c>--recv-only</c>). Default false.
    /// </summary>
    public bool ReceiveOnly { get; init; }

    /// <summary>
    /// Read what the peer sends but discard it (nothing reaches the output or the observer), and end as soon as the
    /// input has ended and been sent (ncat's <c>--send-only</c>). Default false.
    /// </summary>
    public bool SendOnly { get; init; }

    /// <summary>
    /// After the input ends, wait at most this long for the peer to close, then stop (OpenBSD nc's <c>-q</c>);
    /// <see cref="TimeSpan.Zero"/> stops at once. For UDP it replaces the quiet wait of <see cref="UdpLinger"/>.
    /// Default null: wait for the peer as long as it takes.
    /// </summary>
    public TimeSpan? QuitAfterInputEnd { get; init; }

    /// <summary>The size of each of the two pooled buffers. Default 128 KiB.</summary>
    public int BufferSize { get; init; } = 128 * 1024;

    /// <summary>
    /// Sees every chunk as it passes (e.g. for a hex dump). Called from both directions' loops, possibly at the same
    /// time; the memory is only valid during the call.
    /// </summary>
    public Action<RelayDirection, ReadOnlyMemory<byte>>? Observer { get; init; }
}
