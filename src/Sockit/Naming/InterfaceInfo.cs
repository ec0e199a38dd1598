using System.Net;

namespace Sockit.Naming;

/// <summary>A network interface.</summary>
/// <param name="Index">The OS's interface index (<c>if_nametoindex</c>); 0 when unknown.</param>
/// <param name="Name">Its name, e.g. <c>lo</c>, <c>eth0</c>.</param>
/// <param name="IsUp">Whether it is up.</param>
/// <param name="Addresses">Its unicast addresses, IPv4 first.</param>
public sealed record InterfaceInfo(int Index, string Name, bool IsUp, IReadOnlyList<IPAddress> Addresses);
