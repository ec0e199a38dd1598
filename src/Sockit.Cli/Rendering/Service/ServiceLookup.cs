using Sockit.Services;

namespace Sockit.Cli.Rendering;

/// <summary>The result of <c>sockit service NAME|PORT</c>: the entry found, where from, and whether it was looked up by port.</summary>
/// <param name="Entry">The first matching entry, as getservbyname/getservbyport return it.</param>
/// <param name="Source">The services file read, or the embedded copy.</param>
/// <param name="ByPort">True for getservbyport (Python prints the name), false for getservbyname (Python prints the port).</param>
internal sealed record ServiceLookup(ServiceEntry Entry, ServicesSource Source, bool ByPort);
