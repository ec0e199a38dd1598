using System.Net;
using System.Net.Sockets;

namespace Sockit.Interop;

/// <summary>One getaddrinfo entry as the OS gave it; <see cref="Naming.AddressInfo"/> is the public form built from it.</summary>
/// <param name="Family">The entry's family, in .NET's terms.</param>
/// <param name="SocketType">The socket type the entry is for.</param>
/// <param name="Protocol">The protocol number.</param>
/// <param name="CanonicalName">ai_canonname, or empty.</param>
/// <param name="EndPoint">The socket address.</param>
/// <param name="FlowInfo">An IPv6 address's sin6_flowinfo in host order; 0 otherwise.</param>
internal sealed record OsAddressInfo(AddressFamily Family, SocketType SocketType, ProtocolType Protocol, string CanonicalName, IPEndPoint EndPoint, uint FlowInfo);
