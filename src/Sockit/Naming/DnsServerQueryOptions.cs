using System.Net.Sockets;

namespace Sockit.Naming;

/// <summary>How <see cref="DnsServerResolver"/> asks.</summary>
public sealed record DnsServerQueryOptions
{
    /// <summary>How long to wait for each answer. Default: 2 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many times to ask again after a timeout. Default: 0.</summary>
    public int Retries { get; init; }

    /// <summary>Which addresses to ask for: IPv4 (A, the default, as <c>gethostbyname_ex</c>), IPv6 (AAAA), or both (<see cref="AddressFamily.Unspecified"/>).</summary>
    public AddressFamily Family { get; init; } = AddressFamily.InterNetwork;
}
