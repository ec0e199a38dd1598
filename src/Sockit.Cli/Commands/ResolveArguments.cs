using System.Net;
using System.Net.Sockets;
using Sockit.Naming;

namespace Sockit.Cli.Commands;

/// <summary><c>sockit resolve</c>'s command line, checked: the mode and what that mode's call takes.</summary>
/// <param name="Mode">The call to make.</param>
/// <param name="Name">The host name or address; null only for getaddrinfo with a service alone.</param>
internal sealed record ResolveArguments(ResolveMode Mode, string? Name)
{
    /// <summary>getaddrinfo's service: a name or a port number.</summary>
    public string? Service { get; init; }

    /// <summary>getaddrinfo's family (Unspecified: any), or the addresses a DNS server is asked for.</summary>
    public AddressFamily Family { get; init; } = AddressFamily.Unspecified;

    /// <summary>getaddrinfo's socket type, or null for any.</summary>
    public SocketType? Type { get; init; }

    /// <summary>getaddrinfo's protocol (Unspecified: any).</summary>
    public ProtocolType Protocol { get; init; } = ProtocolType.Unspecified;

    /// <summary>getaddrinfo's flags.</summary>
    public AddressInfoFlags Flags { get; init; } = AddressInfoFlags.None;

    /// <summary>The DNS server to ask (<see cref="ResolveMode.DnsServer"/>).</summary>
    public IPEndPoint? Server { get; init; }

    /// <summary>How long to wait for the DNS server's answer.</summary>
    public TimeSpan Timeout { get; init; }
}
