using System.Net;

namespace Sockit.Cli.Rendering;

/// <summary>The result of <c>sockit resolve NAME</c> (gethostbyname): the name asked and its first IPv4 address.</summary>
internal sealed record ResolvedAddress(string Name, IPAddress Address);
