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
    /// <summary>How an https URL handshakes and what it trusts; null for http.</summary>
    public Tls.TlsClientOptions? Tls { get; init; }
}
