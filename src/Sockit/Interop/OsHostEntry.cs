using System.Net;

namespace Sockit.Interop;

/// <summary>A struct hostent as the OS gave it; <see cref="Naming.HostEntry"/> is the public form built from it.</summary>
/// <param name="Name">h_name.</param>
/// <param name="Aliases">h_aliases, in order.</param>
/// <param name="Addresses">h_addr_list, in order.</param>
internal sealed record OsHostEntry(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<IPAddress> Addresses);
