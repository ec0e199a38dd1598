using Sockit.Services;

namespace Sockit.Cli.Rendering;

/// <summary>The result of <c>sockit service --list</c>: every entry of one database, of one protocol when given.</summary>
/// <param name="Source">The services file read, or the embedded copy.</param>
/// <param name="Protocol">The protocol the entries were filtered on, or null for all.</param>
/// <param name="Entries">The entries, in file order.</param>
internal sealed record ServiceListing(ServicesSource Source, string? Protocol, IReadOnlyList<ServiceEntry> Entries);
