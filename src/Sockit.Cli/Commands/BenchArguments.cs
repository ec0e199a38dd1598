using Sockit.Load;

namespace Sockit.Cli.Commands;

/// <summary>What <c>sockit bench</c> was asked to do, checked: the load (server, transport, connections, sizes, how long) and how to print.</summary>
/// <param name="Load">The library's options for the run.</param>
/// <param name="Format">How to print the result (text or json; python is refused).</param>
internal sealed record BenchArguments(LoadOptions Load, OutputFormat Format);
