using Sockit.Cli.Rendering;
using Sockit.Http;

namespace Sockit.Cli.Commands;

/// <summary>What <c>sockit get</c> was asked to do, checked: the request to send and how to show the response.</summary>
/// <param name="Request">The request, URL and header fields checked.</param>
/// <param name="Include">Print the head (and trailers) around the body: -i, or -I.</param>
/// <param name="Raw">Print the response exactly as it came off the wire.</param>
/// <param name="Verbose">Trace the connection and both heads on stderr.</param>
/// <param name="Progress">Draw a progress bar on stderr.</param>
/// <param name="OutputPath">-o FILE, or null for stdout.</param>
/// <param name="Timeout">The limit for the whole transfer, or null for none.</param>
/// <param name="Format">How to print the result.</param>
internal sealed record GetArguments(
    HttpWireRequest Request,
    bool Include,
    bool Raw,
    bool Verbose,
    bool Progress,
    string? OutputPath,
    TimeSpan? Timeout,
    OutputFormat Format)
{
    /// <summary>-L: follow redirects, at most <see cref="MaxRedirects"/> of them.</summary>
    public bool FollowRedirects { get; init; }

    /// <summary>--max-redirs N (default 10, curl's).</summary>
    public int MaxRedirects { get; init; } = HttpRedirectFollower.DefaultMaxRedirects;

    /// <summary>--fail: a final status of 400 or more exits 22, after the body is written.</summary>
    public bool Fail { get; init; }

    /// <summary>-w FORMAT, printed on stdout after the body; null without -w.</summary>
    public WriteOutTemplate? WriteOut { get; init; }

    /// <summary>--resolve HOST:PORT:ADDR entries.</summary>
    public IReadOnlyList<HttpResolveOverride> Resolve { get; init; } = [];

    /// <summary>--connect-to HOST:PORT:HOST2:PORT2 entries.</summary>
    public IReadOnlyList<HttpConnectTo> ConnectTo { get; init; } = [];

    /// <summary>-o -: the body goes to stdout even when it is binary and stdout a terminal.</summary>
    public bool BodyToTerminal { get; init; }
    /// <summary>How an https URL handshakes and what it trusts; null for http.</summary>
    public Tls.TlsClientOptions? Tls { get; init; }

    /// <summary>--proxy: the proxy to tunnel through (CONNECT for http and https alike); null to connect directly.</summary>
    public Sockit.Proxies.ProxyOptions? Proxy { get; init; }
}
