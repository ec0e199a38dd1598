using System.Net;
using Sockit.Connections;
using Sockit.Servers;

namespace Sockit.Cli.Rendering;

/// <summary>
/// Shows what <c>connect</c> and <c>listen</c> do as it happens. The commands report events (listening, connected,
/// data, server events, closed, failed); each format renders them its own way. What every format shares lives here:
/// the status lines on stderr and the <c>--hex</c> dump. Events may come from several connections' loops at once.
/// </summary>
internal abstract class NetcatRenderer(CliConsole console, bool hex, bool namePeers)
{
    private readonly HexDump? _dump = hex ? new HexDump(console.Error) : null;

    protected CliConsole Console => console;

    /// <summary>The one lock every write to the console takes, so lines from several peers never interleave.</summary>
    protected object Gate => console;

    /// <summary>Where the bytes received from peers go: stdout for text, nowhere for formats that print them as events.</summary>
    public abstract Stream Output { get; }

    /// <summary>Sees every chunk both ways (for the relay's observer), before it is written anywhere.</summary>
    public bool WantsData => _dump is not null || SeesData;

    /// <summary>True when the format prints the chunks themselves.</summary>
    protected virtual bool SeesData => false;

    /// <summary><c>-v</c> given this many times: 1 traces the connect, 2 adds the byte counts at the end.</summary>
    public int Verbosity { get; init; }

    /// <summary>With <c>-v</c>, what traces the connect's steps (for <see cref="ConnectOptions.Progress"/>); null without.</summary>
    public IConnectProgress? ConnectTrace(TimeSpan attemptDelay) => Verbosity > 0 ? new NetcatConnectTrace(console, attemptDelay, ConnectStep) : null;

    /// <summary>A step of the connect, for formats that print it as an event of their own (the text line is written already).</summary>
    protected virtual void ConnectStep(ConnectStepJson step)
    {
    }

    public static NetcatRenderer For(OutputFormat format, CliConsole console, bool hex, bool namePeers, int verbosity = 0) => format == OutputFormat.Json
        ? new NetcatJsonRenderer(console, hex, namePeers) { Verbosity = verbosity }
        : new NetcatTextRenderer(console, hex, namePeers) { Verbosity = verbosity };

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
        if (accepted)
        {
            WriteStatus($"connection from {connection.PeerName}");
        }
    }

    /// <summary>A chunk went to or came from <paramref name="peer"/>.</summary>
    public virtual void Data(EndPoint peer, RelayDirection direction, ReadOnlySpan<byte> data)
    {
        if (_dump is null)
        {
            return;
        }
        lock (Gate)
        {
            // Several peers at once (-k, UDP): name each in the dump. One peer: the dump connect prints.
            if (namePeers)
            {
                _dump.Write(Endpoints.Format(peer), direction == RelayDirection.Sent, data);
            }
            else
            {
                _dump.Write(direction == RelayDirection.Sent, data);
            }
        }
    }

    /// <summary>A chunk came from <paramref name="peer"/> of a server: shown, then written to <see cref="Output"/>.</summary>
    public async ValueTask ReceivedAsync(EndPoint peer, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        Data(peer, RelayDirection.Received, data.Span);
        await Output.WriteAsync(data, cancellationToken).ConfigureAwait(false);
        await Output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Something happened to one of a server's peers.</summary>
    public virtual void ServerEvent(ServerEvent e)
    {
        var peer = Endpoints.Format(e.Peer);
        WriteStatus(e.Kind switch
        {
            ServerEventKind.Connected => $"connection from {peer}",
            ServerEventKind.Closed => $"closed {peer}",
            ServerEventKind.Rejected => $"rejected {peer}: {e.Detail}",
            ServerEventKind.IdleTimedOut => $"closed {peer}: {e.Detail}",
            ServerEventKind.AcceptPaused => $"not accepting for now: {e.Detail} ({Failures.FailureAdvice.ForAcceptPaused})",
            ServerEventKind.AcceptResumed => $"accepting again on {peer}",
            _ => $"failed {peer}: {e.Detail}",
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
            console.Error.WriteLine(line);
        }
    }
}
