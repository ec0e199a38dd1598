namespace Sockit.Http;

/// <summary>
/// When each phase of one exchange of <see cref="HttpWireClient"/> ended, measured from the exchange's start (before
/// resolving), as curl's <c>time_*</c> values are: each is at least the one before it, except
/// <see cref="TlsHandshake"/>, which is zero when there was no TLS handshake (plain http).
/// </summary>
public sealed class HttpTimings
{
    /// <summary>No time at all: an exchange that made no connection of its own (<see cref="HttpWireClient.ReadResponseAsync"/>).</summary>
    public static HttpTimings None { get; } = new();

    /// <summary>The name was resolved (for a literal address or an override, the moment the first connect began).</summary>
    public TimeSpan NameLookup { get; init; }

    /// <summary>The TCP connection was established.</summary>
    public TimeSpan Connect { get; init; }

    /// <summary>The TLS handshake was complete; zero for plain http.</summary>
    public TimeSpan TlsHandshake { get; init; }

    /// <summary>The first byte of the response arrived.</summary>
    public TimeSpan FirstByte { get; init; }

    /// <summary>The response's last byte arrived: the whole exchange.</summary>
    public TimeSpan Total { get; init; }

    /// <summary>These timings later by <paramref name="offset"/> (but a zero TLS handshake stays zero): the last hop of a redirect chain, measured from the chain's start.</summary>
    public HttpTimings After(TimeSpan offset) => new()
    {
        NameLookup = NameLookup + offset,
        Connect = Connect + offset,
        TlsHandshake = TlsHandshake == TimeSpan.Zero ? TimeSpan.Zero : TlsHandshake + offset,
        FirstByte = FirstByte + offset,
        Total = Total + offset,
    };
}
