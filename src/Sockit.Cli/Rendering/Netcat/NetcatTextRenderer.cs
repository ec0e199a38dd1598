using System.Net;

namespace Sockit.Cli.Rendering;

/// <summary>netcat's output: the peer's bytes on stdout exactly as they came; status lines and <c>--hex</c> on stderr.</summary>
internal sealed class NetcatTextRenderer(CliConsole console, bool hex, bool namePeers, BoundedConsoleWriter? output, BoundedConsoleWriter? error)
    : NetcatRenderer(console, hex, namePeers, output, error)
{
    public override Stream Output => Console.OutputStream;

    // The bytes themselves (the queue copies them: the server reuses its buffer).
    protected override ReadOnlyMemory<byte> DataBytes(EndPoint peer, ReadOnlyMemory<byte> data) => data;
}
