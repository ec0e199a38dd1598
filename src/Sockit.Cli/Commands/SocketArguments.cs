using System.Net.Sockets;

namespace Sockit.Cli.Commands;

/// <summary><c>sockit socket</c>'s command line, checked: the three arguments of <c>socket.socket()</c>.</summary>
internal sealed record SocketArguments(AddressFamily Family, SocketType Type, ProtocolType Protocol);
