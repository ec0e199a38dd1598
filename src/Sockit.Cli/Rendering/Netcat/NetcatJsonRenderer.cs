using System.Net;
using System.Net.Sockets;
using Sockit.Connections;
using Sockit.Servers;

namespace Sockit.Cli.Rendering;

/// <summary>
/// <c>--format json</c> for <c>connect</c> and <c>listen</c>: one JSON Lines event a line on stdout (docs/cli-json.md),
/// the peer's bytes in base64 inside "data" events instead of raw on stdout. Status lines and <c>--hex</c> stay on stderr.
/// </summary>
internal sealed class NetcatJsonRenderer(CliConsole console, bool hex, bool namePeers, BoundedConsoleWriter? output, BoundedConsoleWriter? error)
    : NetcatRenderer(console, hex, namePeers, output, error)
{
    private const int Version = 1;

    public override Stream Output => Stream.Null;

    protected override bool SeesData => true;

    public override void Listening(Listener listener, string? mode)
    {
        base.Listening(listener, mode);
        Write(new StreamEventJson(Version, "listening", Local: listener.Name, Transport: listener.Transport.ToString().ToLowerInvariant(), Mode: mode,
            Fingerprint: listener.Tls is { } tls ? Sockit.Tls.TlsCertificateInfo.From(tls.Certificate).Sha256Fingerprint : null));
    }

    public override void Connected(Connection connection, bool accepted)
    {
        base.Connected(connection, accepted);
        Write(new StreamEventJson(Version, "connected", Peer: Name(connection.RemoteEndPoint), Local: Name(connection.LocalEndPoint)));
    }

    public override void Data(EndPoint peer, RelayDirection direction, ReadOnlySpan<byte> data)
    {
        base.Data(peer, direction, data);
        Write(DataEvent(peer, direction, data));
    }

    /// <summary>The "dropped" event a server's bounded stdout writes when it had to drop events for a slow reader.</summary>
    public static byte[] DroppedNotice(long bytes) => JsonLines.ToBytes(new StreamEventJson(Version, "dropped", Bytes: bytes), CliJsonContext.Default.StreamEventJson);

    protected override ReadOnlyMemory<byte> DataBytes(EndPoint peer, ReadOnlyMemory<byte> data) =>
        JsonLines.ToBytes(DataEvent(peer, RelayDirection.Received, data.Span), CliJsonContext.Default.StreamEventJson);

    private static StreamEventJson DataEvent(EndPoint peer, RelayDirection direction, ReadOnlySpan<byte> data) =>
        new(Version, "data", Peer: Name(peer), Direction: direction == RelayDirection.Sent ? "sent" : "received",
            Bytes: data.Length, Base64: Convert.ToBase64String(data));

    public override void ServerEvent(ServerEvent e)
    {
        base.ServerEvent(e);
        var peer = Name(e.Peer);
        Write(e.Kind switch
        {
            ServerEventKind.Connected => new StreamEventJson(Version, "connected", Peer: peer),
            ServerEventKind.Closed => new StreamEventJson(Version, "closed", Peer: peer, BytesSent: e.BytesSent, BytesReceived: e.BytesReceived),
            ServerEventKind.IdleTimedOut => new StreamEventJson(Version, "closed", Peer: peer, Reason: e.Detail, BytesSent: e.BytesSent, BytesReceived: e.BytesReceived),
            ServerEventKind.Rejected => new StreamEventJson(Version, "rejected", Peer: peer, Reason: e.Detail),
            ServerEventKind.AcceptPaused => new StreamEventJson(Version, "accept-paused", Local: peer, Reason: e.Detail),
            ServerEventKind.AcceptResumed => new StreamEventJson(Version, "accept-resumed", Local: peer),
            _ => new StreamEventJson(Version, "error", Peer: peer, Message: e.Detail, BytesSent: e.BytesSent, BytesReceived: e.BytesReceived),
        });
    }

    public override void Closed(Connection connection, RelayResult result)
    {
        base.Closed(connection, result);
        Write(new StreamEventJson(Version, "closed", Peer: Name(connection.RemoteEndPoint), BytesSent: result.BytesSent, BytesReceived: result.BytesReceived));
    }

    protected override void ConnectStep(ConnectStepJson step)
    {
        lock (Gate)
        {
            JsonLines.Write(Console.Out, step, CliJsonContext.Default.ConnectStepJson);
        }
    }

    public override void Exited(EndPoint peer, Sockit.Exec.ExecCommand command, Sockit.Exec.ProcessRelayResult result)
    {
        base.Exited(peer, command, result);
        Write(new StreamEventJson(Version, "exited", Peer: Name(peer), BytesSent: result.Relay.BytesSent, BytesReceived: result.Relay.BytesReceived, Pid: result.ProcessId, Status: result.ExitCode));
    }

    public override void Failed(SockitException failure) =>
        Write(new StreamEventJson(Version, "error", Error: Failures.FailureReport.KindOf(failure.Failure), Exit: ExitCodes.For(failure.Failure), Message: failure.Message));

    /// <summary>An endpoint as people write it, or null (left out) for a Unix socket's client, which has no name.</summary>
    private static string? Name(EndPoint endPoint) => endPoint is UnixDomainSocketEndPoint unix && string.IsNullOrEmpty(unix.ToString())
        ? null
        : Endpoints.Format(endPoint);

    private void Write(StreamEventJson e)
    {
        lock (Gate)
        {
            JsonLines.Write(OutText, e, CliJsonContext.Default.StreamEventJson);
        }
    }
}
