namespace Sockit.Cli.Rendering;

/// <summary>netcat's output: the peer's bytes on stdout exactly as they came; status lines and <c>--hex</c> on stderr.</summary>
internal sealed class NetcatTextRenderer(CliConsole console, bool hex, bool namePeers) : NetcatRenderer(console, hex, namePeers)
{
    public override Stream Output => Console.OutputStream;
}
