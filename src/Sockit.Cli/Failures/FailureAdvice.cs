using System.Net;
using System.Net.Sockets;
using Sockit.Connections;
using Sockit.Http;
using Sockit.Sockets;

namespace Sockit.Cli.Failures;

/// <summary>
/// Every "what to try" the CLI adds to a library failure, in one place, keyed by the failure's facts (kind, phase,
/// socket error, what was asked for) and the command line's context. The library's message says what failed and
/// why; this says what to do about it, in the CLI's words (its commands and flags). Null when there is nothing useful to add.
/// </summary>
internal static class FailureAdvice
{
    public static string? For(SockitException failure, FailureContext context) => failure switch
    {
        ConnectionException e => ForConnection(e, context),
        LookupException e => ForLookup(e, context),
        SocketCreationException e => e.SocketError == SocketError.AccessDenied
            ? "raw sockets need root or CAP_NET_RAW"
            : "check that the family, type and protocol go together, as with 'sockit constants'",
        Tls.TlsException e => TlsAdvice.For(e, context),
        // The message says what broke the protocol and where; there is nothing to try on this side.
        HttpWireProtocolException => null,
        HttpRedirectException e => ForRedirect(e),
        Exec.ProgramStartException e => ForProgram(e),
        Proxies.ProxyException e => ForProxy(e, context.Command == "get" ? "--timeout" : "--connect-timeout"),
        _ => null,
    };

    /// <summary>The library's message with the advice after it in parentheses: <c>what failed: why (what to try)</c>.</summary>
    public static string Describe(SockitException failure, FailureContext context) =>
        For(failure, context) is { } advice ? $"{failure.Message} ({advice})" : failure.Message;

    /// <summary>A server out of file descriptors waits and retries by itself; what the user can do meanwhile.</summary>
    public const string ForAcceptPaused = "out of file descriptors: retrying with a pause up to 1 s; close some clients, or raise the limit with ulimit -n";

    /// <summary>An input file that is not what the command reads: the library's message, and what to give instead.</summary>
    public static string Describe(InvalidDataException failure, FailureContext context) => context.Command switch
    {
        "service" => $"{failure.Message} (give --file a services(5) file, such as {Services.ServicesDatabase.DefaultPath})",
        _ => failure.Message,
    };

    private static string? ForConnection(ConnectionException e, FailureContext context)
    {
        if (context.Command == "get")
        {
            return (e.Failure, e.Phase) switch
            {
                (SockitFailure.Refused, ConnectionPhase.Connect) => $"is a server listening on port {e.Port}?",
                (SockitFailure.TimedOut, _) => "raise --timeout, or check the server",
                _ => null,
            };
        }
        if (e.Phase == ConnectionPhase.Bind && context.Command == "connect")
        {
            return ForSourceBind(e);
        }
        if (context.Command == "bench" && e.Failure == SockitFailure.Refused && e.Path is null)
        {
            // A refused connect is TCP; a refusal while sending is UDP's (the ICMP port unreachable of a connected socket).
            return e.Phase == ConnectionPhase.Connect
                ? $"is an echo server listening on port {e.Port}? 'sockit listen {e.Port} -k --echo' starts one"
                : $"is a UDP echo server listening on port {e.Port}? 'sockit listen -u {e.Port} --echo' starts one";
        }
        return e.Phase switch
        {
            ConnectionPhase.Bind => ForBind(e),
            ConnectionPhase.Accept => "check the open-file limit, ulimit -n, and retry",
            ConnectionPhase.Transfer when e.Failure == SockitFailure.TimedOut => "no data either way; raise --idle-timeout",
            _ when e.Failure == SockitFailure.Reset && e.BytesSent is not null => "check what it expects, or send less",
            _ when e.Failure == SockitFailure.Reset => "the peer aborted the connection; its own log may say why",
            ConnectionPhase.Connect when e.Path is not null => ForUnixConnect(e),
            ConnectionPhase.Connect => e.Failure switch
            {
                SockitFailure.Refused => "is anything listening on that port?",
                SockitFailure.Unreachable => "check the address, the interface and the routes",
                SockitFailure.TimedOut => "is a firewall dropping packets? try a longer --connect-timeout",
                _ => "check the address and port",
            },
            _ when e.Failure == SockitFailure.Refused => "nothing is listening on that port: check the port, or start the server first",
            _ => "check the peer and the network, then retry",
        };
    }

    private static string ForProgram(Exec.ProgramStartException e) => e.ErrorNumber switch
    {
        Exec.ProgramStartException.NoSuchFile => e.FileName.Contains('/', StringComparison.Ordinal)
            ? "check the path"
            : "check the name: --exec looks for it in PATH and runs no shell; give its path, or a shell line with --sh-exec",
        Exec.ProgramStartException.PermissionDenied => "it must be an executable file, not a directory: chmod +x it, or give a shell line with --sh-exec",
        _ => "is it a program for this machine? a script needs a #! line, or run it with --sh-exec",
    };

    // The proxy's answer is the fact; what to try depends on which step it said no at.
    private static string ForProxy(Proxies.ProxyException e, string timeoutFlag) => (e.Step, e.Failure) switch
    {
        (Proxies.ProxyStep.Connect, SockitFailure.Refused) => "is the proxy running, and on that port? check --proxy",
        (Proxies.ProxyStep.Connect, SockitFailure.TimedOut) => $"is a firewall dropping packets to the proxy? check --proxy, or try a longer {timeoutFlag}",
        (Proxies.ProxyStep.Connect, _) => "check the proxy's address in --proxy",
        (_, SockitFailure.Unauthorized) when e.Proxy.UserName is null => "give the proxy's username and password: --proxy SCHEME://USER:PASS@HOST:PORT",
        (_, SockitFailure.Unauthorized) => "check the username and password in --proxy",
        (_, SockitFailure.Protocol) => e.Proxy.Kind == Proxies.ProxyKind.HttpConnect
            ? "is that port an HTTP proxy? a SOCKS proxy takes --proxy socks5://"
            : "is that port a SOCKS5 proxy? an HTTP proxy takes --proxy http://",
        (_, SockitFailure.TimedOut) when e.Timeout is not null => e.Proxy.Kind == Proxies.ProxyKind.HttpConnect
            ? $"is that port an HTTP proxy? check --proxy, or try a longer {timeoutFlag}"
            : $"is that port a SOCKS5 proxy? check --proxy, or try a longer {timeoutFlag}",
        (_, SockitFailure.TimedOut) => "the proxy could not reach the target in time: check the target, or the proxy's network",
        _ when e.ReplyCode is 2 or 403 or 405 => "the proxy's rules forbid this target: check its configuration (tinyproxy's ConnectPort, say), or use another proxy",
        _ when e.ReplyCode is 7 => "the proxy does not offer CONNECT: use another proxy",
        _ when e.ReplyCode is 8 && e.Proxy.Kind == Proxies.ProxyKind.Socks5Hostname => "the proxy does not take names: try --proxy socks5:// to resolve the name here",
        _ when e.ReplyCode is 8 => "the proxy does not take this address type: try --proxy socks5h:// to send the name, or -4",
        _ => $"the proxy could not reach {e.TargetHost} port {e.TargetPort} from where it runs: is a server listening there?",
    };

    private static string ForRedirect(HttpRedirectException e) => e switch
    {
        { IsLoop: true } => "the server sends the request back where it was; check its redirect rules, or drop -L to see the first answer",
        { Failure: SockitFailure.TooManyRedirects } => "raise --max-redirs, or drop -L to see the first answer",
        _ => "drop -L to see the redirect itself",
    };

    private static string ForUnixConnect(ConnectionException e) => e.Failure switch
    {
        SockitFailure.Refused => "no server accepts on it: start the server, or check the path",
        SockitFailure.Unreachable => "check the path; is the server running?",
        SockitFailure.TimedOut => "is the server accepting connections? try a longer --connect-timeout",
        _ => $"is {e.Path} a socket that a server listens on?",
    };

    // connect -s/-p: the source address and port bound before connecting.
    private static string ForSourceBind(ConnectionException e) => e.Failure switch
    {
        SockitFailure.AddressInUse => "another socket holds that source address and port: pick another -p, or leave -p out",
        _ when e.SocketError == SocketError.AccessDenied => "source ports below 1024 need root; pick a port above 1023",
        SockitFailure.Unreachable => "-s must be an address of this machine: 127.0.0.1, ::1 or one that 'sockit host' lists",
        _ when e.SocketError == SocketError.AddressFamilyNotSupported => "give -s an address of the target's family, or -4/-6 to pick the family",
        _ => "check the source address and port",
    };

    private static string ForBind(ConnectionException e) => e.Failure switch
    {
        SockitFailure.AddressInUse when e.Path is not null => $"{e.Path} exists: remove it if no server uses it",
        SockitFailure.AddressInUse => $"another program holds port {e.Port}: stop it or pick another port",
        _ when e.SocketError == SocketError.AccessDenied && e.Path is not null => "pick a directory you may write to",
        _ when e.SocketError == SocketError.AccessDenied => "ports below 1024 need root; pick a port above 1023",
        SockitFailure.Unreachable when e.Path is not null => $"check that the directory of {e.Path} exists",
        SockitFailure.Unreachable => "that address is not one of this machine's: bind 127.0.0.1, ::1 or one that 'sockit host' lists",
        _ => "check the address and port",
    };

    private static string? ForLookup(LookupException e, FailureContext context)
    {
        if (e.Server is not null)
        {
            // A DNS server asked directly (resolve --server): its answer is the fact; only silence has a remedy.
            return e.Failure == SockitFailure.TimedOut ? "check that it runs and listens there, or raise --timeout" : null;
        }
        if (IsArgumentMismatch(e))
        {
            return "--type and --proto must go together: stream with tcp, dgram with udp";
        }
        return context.Command switch
        {
            "get" => e.SocketError == SocketError.TryAgain ? "check the network or DNS server" : "check the name, or use an address",
            "resolve" => ForResolve(e),
            "connect" or "listen" => ForNetcat(e, context),
            _ => null,
        };
    }

    private static string? ForResolve(LookupException e) => (e.Failure, e.SocketError) switch
    {
        (SockitFailure.NotFound, SocketError.TypeNotFound) => "give a port number, or a service that 'sockit service --list' shows for that protocol",
        (SockitFailure.NotFound, _) when e.Reverse && IsAddress(e.Name) => "no line of /etc/hosts and no PTR record in DNS names this address",
        (SockitFailure.NotFound, _) => "check the spelling, /etc/hosts, and the DNS servers in /etc/resolv.conf; --server ADDR asks one directly",
        (SockitFailure.TimedOut, _) => "the DNS server did not answer in time: try again, or check /etc/resolv.conf",
        _ => null,
    };

    // connect and listen: a port given as a service name, or a host (or -4/-6 ruling its addresses out).
    private static string ForNetcat(LookupException e, FailureContext context)
    {
        if (e.Name is null && e.Service is not null)
        {
            return "give a port number, or find the name with 'sockit service --list'";
        }
        var literal = IsAddress(e.Name);
        return context.ForcedFamily switch
        {
            AddressFamily.InterNetwork when literal => "drop -4, or give an IPv4 address",
            AddressFamily.InterNetworkV6 when literal => "drop -6, or give an IPv6 address",
            AddressFamily.InterNetwork => "check the name; if it has IPv6 addresses only, drop -4",
            AddressFamily.InterNetworkV6 => "check the name; if it has IPv4 addresses only, drop -6",
            _ => "check the spelling, or give an address such as 127.0.0.1",
        };
    }

    /// <summary>getaddrinfo refused arguments that do not go together (a type with the wrong protocol): the user's mistake.</summary>
    public static bool IsArgumentMismatch(LookupException e) =>
        e.SocketError is SocketError.SocketNotSupported or SocketError.AddressFamilyNotSupported or SocketError.InvalidArgument;

    /// <summary>The OS refused a family, type and protocol that do not go together (not a lack of rights): the user's mistake.</summary>
    public static bool IsArgumentMismatch(SocketCreationException e) =>
        e.SocketError is SocketError.ProtocolNotSupported or SocketError.SocketNotSupported or SocketError.ProtocolType
            or SocketError.AddressFamilyNotSupported or SocketError.ProtocolFamilyNotSupported or SocketError.OperationNotSupported;

    private static bool IsAddress(string? name) => name is not null && IPAddress.TryParse(name.Trim('[', ']'), out _);
}
