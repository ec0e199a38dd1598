namespace Sockit.Cli.Rendering;

/// <summary><c>forward</c>'s text: status lines on stderr only; stdout stays empty.</summary>
internal sealed class ForwardTextRenderer(CliConsole console, bool verbose) : ForwardRenderer(console, verbose);
