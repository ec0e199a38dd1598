using System.Net.Sockets;

namespace Sockit.Interop;

/// <summary>The one wording of a failed getaddrinfo, whichever platform answered.</summary>
internal static class ResolveFailure
{
    /// <summary>"cannot resolve 'host' service 'http': reason", with the resolver's code as the inner exception.</summary>
    public static LookupException Create(string? host, string? service, string reason, SockitFailure failure, SocketError socketError)
    {
        var what = (host, service) switch
        {
            (not null, not null) => $"'{host}' service '{service}'",
            (not null, null) => $"'{host}'",
            (null, not null) => $"service '{service}'",
            _ => "nothing",
        };
        return new LookupException($"cannot resolve {what}: {reason}", failure, new SocketException((int)socketError, reason)) { Name = host, Service = service };
    }
}
