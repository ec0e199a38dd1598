using Sockit.Naming;

namespace Sockit.Cli.Rendering;

/// <summary>The result of <c>sockit resolve NAME --ex</c> (gethostbyname_ex) or <c>--reverse</c> (gethostbyaddr).</summary>
/// <param name="Entry">The canonical name, aliases and addresses the OS resolver returned.</param>
/// <param name="Call">The C call that answered, <c>gethostbyname_ex</c> or <c>gethostbyaddr</c>, which the text names.</param>
internal sealed record HostEntryLookup(HostEntry Entry, string Call);
