namespace Sockit.Http;

/// <summary>
/// An HTTP response broke RFC 9112 (<see cref="SockitFailure.Protocol"/>: a malformed status line or header field,
/// conflicting framing, a limit exceeded) or ended before its framing said it was complete
/// (<see cref="SockitFailure.Truncated"/>: "received 1200 of 5000 bytes").
/// </summary>
public sealed class HttpWireProtocolException : SockitException
{
    /// <summary>Creates the exception.</summary>
    public HttpWireProtocolException(string message, SockitFailure failure = SockitFailure.Protocol, Exception? innerException = null)
        : base(failure, message, innerException)
    {
    }

    /// <summary>
    /// The <see cref="HttpReaderLimits"/> property the response crossed (<c>MaxLineBytes</c> or <c>MaxHeaderSectionBytes</c>),
    /// when a limit was crossed; null otherwise.
    /// </summary>
    public string? LimitName { get; init; }

    /// <summary>The value of the limit crossed, in bytes (<see cref="LimitName"/>); null when no limit was crossed.</summary>
    public long? LimitValue { get; init; }
}
