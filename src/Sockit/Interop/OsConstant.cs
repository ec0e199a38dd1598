namespace Sockit.Interop;

/// <summary>One of the OS's socket constants; <see cref="Sockets.SocketConstant"/> is the public form built from it.</summary>
/// <param name="Name">The C and Python name, e.g. <c>AF_INET6</c>.</param>
/// <param name="Value">Its number on this OS.</param>
internal sealed record OsConstant(string Name, int Value);
