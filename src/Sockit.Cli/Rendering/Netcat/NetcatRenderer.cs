using System.Net;
using Sockit.Connections;
using Sockit.Servers;

namespace Sockit.Cli.Rendering;

/// <summary>
/// Shows what <c>connect</c> and <c>listen</c> do as it happens. The commands report events (listening, connected,
/// data, server events, closed, failed); each format renders them its own way. What every format shares lives here:
/// the status lines on stderr and the <c>--hex</c> dump. Events may come from several connections' loops at once.
/// A server (<c>listen</c>) gives it bounded writers for stdout and stderr: then everything it prints is queued, never
/// waited for, and dropped when the reader is slow; only the data itself (<see cref="ConsumeAsync"/>) waits.
/// </summary>
internal abstract class NetcatRenderer
{
    private readonly CliConsole _console;
    private readonly HexDump? _dump;
    private readonly bool _namePeers;

    protected NetcatRenderer(CliConsole console, bool hex, bool namePeers, BoundedConsoleWriter? output, BoundedConsoleWriter? error)
    {
        _console = console;
        _namePeers = namePeers;
        BoundedOutput = output;
        ErrorText = error is null ? console.Error : new BoundedTextWriter(error);
        OutText = output is null ? console.Out : new BoundedTextWriter(output);
        _dump = hex ? new HexDump(ErrorText) : null;
    }

    protected CliConsole Console => _console;

    /// <summary>Status lines and the hex dump: stderr, or its bounded writer.</summary>
    protected TextWriter ErrorText { get; }

    /// <summary>Events on stdout (JSON): stdout, or its bounded writer.</summary>
    protected TextWriter OutText { get; }

    /// <summary>A server's stdout queue, for the data that must not be dropped; null for a client (<c>connect</c>).</summary>
    protected BoundedConsoleWriter? BoundedOutput { get; }

    /// <summary>Print a line for each client coming and going (connection from, closed). Default true. Failures and rejections are always printed.</summary>
    public bool ConnectionLines { get; set; } = true;

    /// <summary>Say on each client's "closed" line how many bytes went each way (<c>-vv</c>).</summary>
    public bool TrafficSummary { get; set; }

    /// <summary>The one lock every write to the console takes, so lines from several peers never interleave.</summary>
    protected object Gate => _console;

    /// <summary>Where the bytes received from peers go: stdout for text, nowhere for formats that print them as events.</summary>
    public abstract Stream Output { get; }

    /// <summary>Sees every chunk both ways (for the relay's observer), before it is written anywhere.</summary>
    public bool WantsData => _dump is not null || SeesData;

    /// <summary>True when the format prints the chunks themselves.</summary>
    protected virtual bool SeesData => false;

    /// <summary><c>-v</c> given this many times: 1 traces the connect, 2 adds the byte counts at the end.</summary>
    public int Verbosity { get; init; }

    /// <summary>With <c>-v</c>, what traces the connect's steps (for <see cref="ConnectOptions.Progress"/>); null without.</summary>
    public IConnectProgress? ConnectTrace(TimeSpan attemptDelay) => Verbosity > 0 ? new NetcatConnectTrace(_console, attemptDelay, ConnectStep) : null;

    /// <summary>A step of the connect, for formats that print it as an event of their own (the text line is written already).</summary>
    protected virtual void ConnectStep(ConnectStepJson step)
    {
    }

    /// <summary>
    /// A renderer that writes to the console as it goes (<c>connect</c>, which passes its <c>-v</c> count as
    /// <paramref name="verbosity"/>), or through <paramref name="output"/> and <paramref name="error"/> (<c>listen</c>).
    /// </summary>
    public static NetcatRenderer For(OutputFormat format, CliConsole console, bool hex, bool namePeers, BoundedConsoleWriter? output = null, BoundedConsoleWriter? error = null, int verbosity = 0) =>
        format == OutputFormat.Json
            ? new NetcatJsonRenderer(console, hex, namePeers, output, error) { Verbosity = verbosity }
            : new NetcatTextRenderer(console, hex, namePeers, output, error) { Verbosity = verbosity };

    /// <summary>A listener is bound; <paramref name="mode"/> is echo or reply when it answers by itself.</summary>
    public virtual void Listening(Listener listener, string? mode)
    {
        var transport = listener.Transport.ToString().ToLowerInvariant();
        var what = mode is null ? transport : $"{transport}, {mode}";
        var scope = listener.LocalEndPoint is IPEndPoint ip
            ? IPAddress.IsLoopback(ip.Address) ? "; loopback only, --bind ADDR to accept from elsewhere"
            : ip.Address.Equals(IPAddress.Any) || ip.Address.Equals(IPAddress.IPv6Any) ? "; every interface" : ""
            : "";
        WriteStatus($"listening on {listener.Name} ({what}{scope})");
        if (listener.Tls is { } tls)
        {
            var certificate = Sockit.Tls.TlsCertificateInfo.From(tls.Certificate);
            var names = string.Join(", ", certificate.DnsNames.Concat(certificate.IPAddresses));
            WriteStatus($"TLS with {(certificate.IsSelfIssued ? "a self-signed certificate" : "the certificate")} {certificate.Subject} ({names}), SHA-256 fingerprint {certificate.Sha256Fingerprint}");
        }
    }

    /// <summary>A connection is up: made by <c>connect</c>, or <paramref name="accepted"/> by <c>listen</c>.</summary>
    public virtual void Connected(Connection connection, bool accepted)
    {
        if (accepted && ConnectionLines)
        {
            WriteStatus($"connection from {connection.PeerName}");
        }
    }

    /// <summary>A chunk went to or came from <paramref name="peer"/>.</summary>
    public virtual void Data(EndPoint peer, RelayDirection direction, ReadOnlySpan<byte> data) => Dump(peer, direction, data);

    private void Dump(EndPoint peer, RelayDirection direction, ReadOnlySpan<byte> data)
    {
        if (_dump is null)
        {
            return;
        }
        lock (Gate)
        {
            // Several peers at once (-k, UDP): name each in the dump. One peer: the dump connect prints.
            if (_namePeers)
            {
                _dump.Write(Endpoints.Format(peer), direction == RelayDirection.Sent, data);
            }
            else
            {
                _dump.Write(direction == RelayDirection.Sent, data);
            }
        }
    }

    /// <summary>A chunk came from <paramref name="peer"/> of a server that answers by itself: shown, if at all, as observation.</summary>
    public void Received(EndPoint peer, ReadOnlyMemory<byte> data) => Data(peer, RelayDirection.Received, data.Span);

    /// <summary>
    /// A chunk came from <paramref name="peer"/> of a sink server (netcat's <c>listen -k</c>, <c>-u</c>): stdout is the
    /// data, so it is queued without dropping, waiting for room (a slow reader slows the sender); the hex dump is observation.
    /// </summary>
    public async ValueTask ConsumeAsync(EndPoint peer, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        Dump(peer, RelayDirection.Received, data.Span);
        var output = BoundedOutput ?? throw new InvalidOperationException("a sink server renders through a bounded stdout");
        await output.WriteAsync(DataBytes(peer, data), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What stdout carries for a chunk a sink server received: the bytes themselves, or a JSON event.</summary>
    protected abstract ReadOnlyMemory<byte> DataBytes(EndPoint peer, ReadOnlyMemory<byte> data);

    /// <summary>Something happened to one of a server's peers; its coming and going said only with <see cref="ConnectionLines"/>.</summary>
    public virtual void ServerEvent(ServerEvent e)
    {
        var peer = Endpoints.Format(e.Peer);
        if (e.Kind is ServerEventKind.AcceptPaused or ServerEventKind.AcceptResumed)
        {
            WriteStatus(e.Kind == ServerEventKind.AcceptPaused
                ? $"not accepting for now: {e.Detail} ({Failures.FailureAdvice.ForAcceptPaused})"
                : $"accepting again on {peer}");
            return;
        }
        // A client's failure and a client turned away are errors, always said; its coming and going only when asked.
        if (!ConnectionLines && e.Kind is ServerEventKind.Connected or ServerEventKind.Closed or ServerEventKind.IdleTimedOut)
        {
            return;
        }
        var traffic = TrafficSummary && e.Kind is ServerEventKind.Closed or ServerEventKind.IdleTimedOut or ServerEventKind.Failed
            ? $" ({e.BytesReceived ?? 0} bytes received, {e.BytesSent ?? 0} sent)"
            : "";
        WriteStatus(e.Kind switch
        {
            ServerEventKind.Connected => $"connection from {peer}",
            ServerEventKind.Closed => $"closed {peer}{traffic}",
            ServerEventKind.Rejected => $"rejected {peer}: {e.Detail}",
            ServerEventKind.IdleTimedOut => $"closed {peer}: {e.Detail}{traffic}",
            _ => $"failed {peer}: {e.Detail}{traffic}",
        });
    }

    /// <summary>A relay over <paramref name="connection"/> has ended normally.</summary>
    public virtual void Closed(Connection connection, RelayResult result)
    {
        if (Verbosity >= 2)
        {
            WriteStatus(NetcatConnectTrace.Closed(result));
        }
    }

    /// <summary>The program run for <paramref name="peer"/> (<c>--exec</c>, <c>--sh-exec</c>) has exited; a status other than 0 is worth a line.</summary>
    public virtual void Exited(EndPoint peer, Sockit.Exec.ExecCommand command, Sockit.Exec.ProcessRelayResult result)
    {
        if (result.ExitCode != 0)
        {
            WriteStatus($"program {command} (pid {result.ProcessId}, for {Endpoints.Format(peer)}) exited with status {result.ExitCode}");
        }
    }

    /// <summary>The command is failing with <paramref name="failure"/>; the failure itself is still reported on stderr.</summary>
    public virtual void Failed(SockitException failure)
    {
    }

    private void WriteStatus(string line)
    {
        lock (Gate)
        {
            ErrorText.WriteLine(line);
        }
    }
}
