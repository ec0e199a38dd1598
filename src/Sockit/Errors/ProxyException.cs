namespace Sockit.Proxies;

/// <summary>
/// Going through a proxy failed: the proxy could not be reached (<see cref="ProxyStep.Connect"/>, the
/// <see cref="Exception.InnerException"/> is the <see cref="Connections.ConnectionException"/>), it refused the
/// credentials, it refused or failed to reach the target (its reply code in <see cref="ReplyCode"/>), or it answered
/// with something that is not its protocol (<see cref="SockitFailure.Protocol"/>). The properties are the facts
/// behind the message.
/// </summary>
public sealed class ProxyException : SockitException
{
    /// <summary>Creates the exception.</summary>
    public ProxyException(SockitFailure failure, string message, Exception? innerException = null)
        : base(failure, message, innerException)
    {
    }

    /// <summary>The proxy gone through (its password is never part of a message).</summary>
    public required ProxyOptions Proxy { get; init; }

    /// <summary>The step that failed.</summary>
    public ProxyStep Step { get; init; }

    /// <summary>The target the proxy was asked to connect to, as the caller gave it.</summary>
    public string? TargetHost { get; init; }

    /// <summary>The target's port.</summary>
    public int? TargetPort { get; init; }

    /// <summary>
    /// The proxy's answer, when it answered in its protocol and said no: SOCKS5's reply field (RFC 1928 section 6,
    /// 1 to 8), 255 when it accepted none of the offered authentication methods, the RFC 1929 status for a refused
    /// password, or the HTTP status of a CONNECT (403, 407, 502, ...). Null otherwise.
    /// </summary>
    public int? ReplyCode { get; init; }

    /// <summary>The time limit that ran out, when the proxy said nothing in time; null otherwise.</summary>
    public TimeSpan? Timeout { get; init; }
}
