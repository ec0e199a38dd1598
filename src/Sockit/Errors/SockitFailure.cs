namespace Sockit;

/// <summary>What kind of failure a <see cref="SockitException"/> reports. Callers (and the CLI's exit codes) branch on this.</summary>
public enum SockitFailure
{
    /// <summary>A host, service or other name is not known.</summary>
    NotFound,
    /// <summary>The peer actively refused the connection.</summary>
    Refused,
    /// <summary>The network or host cannot be reached.</summary>
    Unreachable,
    /// <summary>An operation ran out of time.</summary>
    TimedOut,
    /// <summary>The peer reset the connection.</summary>
    Reset,
    /// <summary>The peer closed before a message was complete (a truncated body).</summary>
    Truncated,
    /// <summary>The peer broke the protocol (malformed HTTP, say).</summary>
    Protocol,
    /// <summary>A local address is already in use.</summary>
    AddressInUse,
    /// <summary>Any other input/output failure.</summary>
    Io,

    /// <summary>A chain of HTTP redirects went on too long, or came back to a URL it had already asked for.</summary>
    TooManyRedirects,
    /// <summary>The peer's TLS certificate is not trusted (expired, for another name, by an unknown issuer, self-signed).</summary>
    Untrusted,
    /// <summary>The peer wants credentials, or refused the ones given (a proxy's 407, a SOCKS5 password refused).</summary>
    Unauthorized,
}
