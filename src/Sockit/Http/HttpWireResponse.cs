using System.Net;
using Sockit.Tls;

namespace Sockit.Http;

/// <summary>What an exchange of <see cref="HttpWireClient"/> read. The body itself went to the caller's stream.</summary>
public sealed class HttpWireResponse
{
    /// <summary>The final response head.</summary>
    public required HttpResponseHead Head { get; init; }

    /// <summary>The 1xx responses before it.</summary>
    public IReadOnlyList<HttpResponseHead> InterimHeads { get; init; } = [];

    /// <summary>The trailer fields of a chunked body.</summary>
    public IReadOnlyList<HttpHeaderField> Trailers { get; init; } = [];

    /// <summary>How the body's end was found (RFC 9112 section 6.3).</summary>
    public HttpBodyFraming Framing { get; init; }

    /// <summary>The Content-Length, when the response had one.</summary>
    public long? ContentLength { get; init; }

    /// <summary>Body bytes written to the caller's stream (decoded, for chunked).</summary>
    public long BodyLength { get; init; }

    /// <summary>Bytes received on the wire, head and framing included.</summary>
    public long WireBytesReceived { get; init; }

    /// <summary>The server's address, when the exchange made its own connection.</summary>
    public EndPoint? RemoteEndPoint { get; init; }

    /// <summary>What the TLS handshake settled, for an https URL; null for plain http.</summary>
    public TlsSession? Tls { get; init; }

    /// <summary>From the start of the exchange (before resolving) to the end of the body.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>When each phase ended (resolve, connect, TLS, first byte, last byte); <see cref="HttpTimings.None"/> when not measured.</summary>
    public HttpTimings Timings { get; init; } = HttpTimings.None;
}
