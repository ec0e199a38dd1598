using System.Net;
using System.Net.Sockets;
using Sockit.Cli.Failures;
using Sockit.Connections;
using Sockit.Forwarding;

namespace Sockit.Cli.Rendering;

/// <summary>
/// <c>forward --format json</c>: every event as one JSON Lines record on stdout (docs/cli-json.md), with or without
/// <c>-v</c>; the stderr lines stay as in text.
/// </summary>
internal sealed class ForwardJsonRenderer(CliConsole console, bool verbose) : ForwardRenderer(console, verbose)
{
    private const int Version = 1;

    public override void Listening(Forwarder forwarder)
    {
        base.Listening(forwarder);
        var listener = forwarder.Listener;
        var tls = (listener.Tls is not null, forwarder.Options.TargetTls is not null) switch
        {
            (true, true) => "both",
            (true, false) => "listen",
            (false, true) => "target",
            _ => null,
        };
        Write(new ForwardEventJson(Version, "listening",
            Local: listener.Name,
            Transport: listener.Transport.ToString().ToLowerInvariant(),
            Target: forwarder.Options.Target.Name,
            TargetTransport: forwarder.Options.Target.Transport.ToString().ToLowerInvariant(),
            Tls: tls,
            Fingerprint: listener.Tls is { } served ? Sockit.Tls.TlsCertificateInfo.From(served.Certificate).Sha256Fingerprint : null));
    }

    public override void Event(ForwardEvent e)
    {
        base.Event(e);
        var client = Name(e.Client);
        var target = e.Target;
        var failure = e.Failure;
        Write(e.Kind switch
        {
            ForwardEventKind.Connected => new ForwardEventJson(Version, "connected", Client: client, Target: target, TargetAddress: Name(e.TargetAddress)),
            ForwardEventKind.Closed => new ForwardEventJson(Version, "closed", Client: client, Target: target, TargetAddress: Name(e.TargetAddress),
                BytesUp: e.BytesUp, BytesDown: e.BytesDown, Seconds: Math.Round(e.Duration.TotalSeconds, 3), Reason: e.Detail,
                Error: failure is null ? null : FailureReport.KindOf(failure.Failure), Message: failure?.Message),
            ForwardEventKind.TargetFailed => Failure("target-failed", client, target, failure!),
            ForwardEventKind.HandshakeFailed => Failure("handshake-failed", client, target, failure!),
            ForwardEventKind.Rejected => new ForwardEventJson(Version, "rejected", Client: client, Target: target, Reason: e.Detail),
            _ => Failure("accept-failed", null, target, failure!),
        });
    }

    public override void Failed(SockitException failure) =>
        Write(new ForwardEventJson(Version, "error", Error: FailureReport.KindOf(failure.Failure), Exit: ExitCodes.For(failure.Failure), Message: failure.Message));

    private static ForwardEventJson Failure(string name, string? client, string target, SockitException failure) =>
        new(Version, name, Client: client, Target: target, Error: FailureReport.KindOf(failure.Failure), Exit: ExitCodes.For(failure.Failure), Message: failure.Message);

    /// <summary>An endpoint as people write it, or null (left out) for a Unix socket's client, which has no name.</summary>
    private static string? Name(EndPoint? endPoint) => endPoint is null || endPoint is UnixDomainSocketEndPoint unix && string.IsNullOrEmpty(unix.ToString())
        ? null
        : Endpoints.Format(endPoint);

    private void Write(ForwardEventJson e)
    {
        lock (Gate)
        {
            JsonLines.Write(Console.Out, e, CliJsonContext.Default.ForwardEventJson);
        }
    }
}
