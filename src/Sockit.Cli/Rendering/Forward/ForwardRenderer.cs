using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Sockit.Cli.Failures;
using Sockit.Connections;
using Sockit.Forwarding;

namespace Sockit.Cli.Rendering;

/// <summary>
/// Shows what <c>forward</c> does: where it listens (always, on stderr), each failure (always), and with <c>-v</c>
/// each client's connect and close; <c>--format json</c> adds every event as a JSON Lines record on stdout. Events
/// come from many clients' tasks at once, only at connect and close (never per chunk); one lock keeps lines whole.
/// </summary>
internal abstract class ForwardRenderer(CliConsole console, bool verbose)
{
    protected CliConsole Console => console;

    /// <summary>The one lock every write takes, so lines from several clients never interleave.</summary>
    protected object Gate => console;

    public static ForwardRenderer For(OutputFormat format, CliConsole console, bool verbose) => format == OutputFormat.Json
        ? new ForwardJsonRenderer(console, verbose)
        : new ForwardTextRenderer(console, verbose);

    /// <summary>The forwarder is bound: "listening on 127.0.0.1:8000 (tcp; loopback only), forwarding to localhost:8080 (tcp)".</summary>
    public virtual void Listening(Forwarder forwarder)
    {
        var listener = forwarder.Listener;
        var transport = listener.Transport.ToString().ToLowerInvariant();
        var tls = listener.Tls is not null ? ", TLS" : "";
        var scope = listener.LocalEndPoint is IPEndPoint ip
            ? IPAddress.IsLoopback(ip.Address) ? "; loopback only, give ADDR:PORT to accept from elsewhere"
            : ip.Address.Equals(IPAddress.Any) || ip.Address.Equals(IPAddress.IPv6Any) ? "; every interface" : ""
            : "";
        var target = forwarder.Options.Target;
        var targetTls = forwarder.Options.TargetTls is not null ? ", TLS" : "";
        WriteStatus($"listening on {listener.Name} ({transport}{tls}{scope}), forwarding to {target.Name} ({target.Transport.ToString().ToLowerInvariant()}{targetTls})");
        if (listener.Tls is { } served)
        {
            var certificate = Sockit.Tls.TlsCertificateInfo.From(served.Certificate);
            var names = string.Join(", ", certificate.DnsNames.Concat(certificate.IPAddresses));
            WriteStatus($"TLS with {(certificate.IsSelfIssued ? "a self-signed certificate" : "the certificate")} {certificate.Subject} ({names}), SHA-256 fingerprint {certificate.Sha256Fingerprint}");
        }
    }

    /// <summary>One client's event; called from the clients' tasks.</summary>
    public virtual void Event(ForwardEvent e)
    {
        var line = Line(e, verbose);
        if (line is not null)
        {
            WriteStatus(line);
        }
    }

    /// <summary>The command is failing with <paramref name="failure"/> (it cannot listen); the failure itself is still reported on stderr.</summary>
    public virtual void Failed(SockitException failure)
    {
    }

    /// <summary>The stderr line for an event, or null when it prints none (connect and close without -v).</summary>
    public static string? Line(ForwardEvent e, bool verbose)
    {
        var pair = $"{Client(e.Client)} -> {e.Target}";
        return e.Kind switch
        {
            ForwardEventKind.Connected when verbose => $"{pair}: connected to {Address(e.TargetAddress)}",
            ForwardEventKind.Closed when verbose || e.Failure is not null =>
                $"{pair}: {e.BytesUp} bytes up, {e.BytesDown} down, {Seconds(e.Duration)} s"
                + (e.Detail is not null ? $"; closed: {e.Detail}" : "")
                + (e.Failure is not null ? $"; {e.Failure.Message}" : ""),
            ForwardEventKind.TargetFailed => $"{pair}: {FailureAdvice.Describe(e.Failure!, new FailureContext("forward"))}; client closed",
            // A client's handshake is the server side's, as listen --tls has it.
            ForwardEventKind.HandshakeFailed => $"{Client(e.Client)}: {FailureAdvice.Describe(e.Failure!, new FailureContext("listen"))}; client closed",
            ForwardEventKind.Rejected => $"{Client(e.Client)}: rejected: {e.Detail}",
            ForwardEventKind.AcceptFailed => $"accept failed: {e.Failure?.Message}; retrying in 100 ms ({FailureAdvice.ForAcceptPaused})",
            _ => null,
        };
    }

    /// <summary>A client as people write it; an unnamed Unix socket client (the usual kind) is "a unix client".</summary>
    public static string Client(EndPoint? client) => client switch
    {
        null => "?",
        UnixDomainSocketEndPoint unix when string.IsNullOrEmpty(unix.ToString()) => "unix client",
        _ => Endpoints.Format(client),
    };

    public static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("0.0##", CultureInfo.InvariantCulture);

    private static string Address(EndPoint? address) => address is null ? "?" : Endpoints.Format(address);

    private void WriteStatus(string line)
    {
        lock (Gate)
        {
            console.Error.WriteLine(line);
        }
    }
}
