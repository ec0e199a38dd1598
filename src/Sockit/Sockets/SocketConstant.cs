namespace Sockit.Sockets;

/// <summary>One of the OS's socket constants, e.g. <c>AF_INET6</c> = 10 on Linux.</summary>
/// <param name="Name">The C and Python name, e.g. <c>AF_INET6</c>, <c>SOCK_DGRAM</c>, <c>IPPROTO_UDP</c>.</param>
/// <param name="Value">Its number on this OS.</param>
public sealed record SocketConstant(string Name, int Value);
