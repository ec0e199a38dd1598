using System.Net;
using System.Net.Sockets;

namespace Sockit;

/// <summary>
/// A name (service, host, address) could not be looked up; <see cref="SockitException.Failure"/> is usually
/// <see cref="SockitFailure.NotFound"/>, and <see cref="SockitException.SocketError"/> the resolver's code
/// (<see cref="System.Net.Sockets.SocketError.TypeNotFound"/> for an unknown service, say). The other properties are
/// the facts behind the message; each is null where it does not apply.
/// </summary>
public sealed class LookupException : SockitException
{
    /// <summary>Creates the exception.</summary>
    public LookupException(string message, SockitFailure failure = SockitFailure.NotFound, Exception? innerException = null)
        : base(failure, message, innerException)
    {
    }

    /// <summary>The host name or address looked up, as the caller gave it; null for a service lookup alone.</summary>
    public string? Name { get; init; }

    /// <summary>The service name (or port text) looked up; null for a host lookup alone.</summary>
    public string? Service { get; init; }

    /// <summary>The protocol a service lookup was limited to (<c>tcp</c>, <c>udp</c>); null for any protocol or a host lookup.</summary>
    public string? Protocol { get; init; }

    /// <summary>The address family the lookup was limited to; <see cref="AddressFamily.Unspecified"/> for any.</summary>
    public AddressFamily Family { get; init; } = AddressFamily.Unspecified;

    /// <summary>True when the lookup was of an address's name (gethostbyaddr), not of a name's addresses.</summary>
    public bool Reverse { get; init; }

    /// <summary>The DNS server asked directly, when the lookup bypassed the OS resolver; null otherwise.</summary>
    public IPEndPoint? Server { get; init; }

    /// <summary>The time limit that ran out, for a <see cref="SockitFailure.TimedOut"/> failure the library timed itself; null otherwise.</summary>
    public TimeSpan? Timeout { get; init; }
}
