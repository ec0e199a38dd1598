using Sockit.Cli.Commands;
using Sockit.Http;

namespace Sockit.Cli.Rendering;

/// <summary>
/// <c>get</c> for people and pipes, as curl prints: the body on stdout; with <c>-i</c> the head before it (as soon as it
/// arrives) and the trailer fields after it; with <c>--raw</c> every byte as it came off the wire.
/// </summary>
internal sealed class GetTextRenderer(CliConsole console, GetArguments arguments) : GetRenderer(console, arguments)
{
    public override Stream Body => Arguments.Raw ? Stream.Null : new SyncWriteStream(Console.OutputStream);

    public override void OnResponseBytes(ReadOnlySpan<byte> bytes)
    {
        if (Arguments.Raw)
        {
            Console.OutputStream.Write(bytes);
        }
    }

    public override void OnHead(HttpResponseHead head, HttpBodyFraming framing, long? contentLength)
    {
        base.OnHead(head, framing, contentLength);
        if (Arguments.Include && !Arguments.Raw)
        {
            Console.Out.Write(head.Format());
        }
    }

    public override void Completed(HttpWireResponse response)
    {
        if (Arguments.Include && !Arguments.Raw && response.Trailers.Count > 0)
        {
            Console.Out.Write(HttpHeaderField.FormatSection(response.Trailers));
        }
    }
}
