namespace Sockit.Interop;

/// <summary>One <c>struct servent</c> as the OS returned it: name, aliases, port (host order) and protocol.</summary>
internal sealed record OsServiceEntry(string Name, IReadOnlyList<string> Aliases, int Port, string Protocol);
