using Sockit.Cli.Commands;
using Sockit.Http;

namespace Sockit.Cli.Rendering;

/// <summary>
/// <c>get</c> for people and pipes, as curl prints: the body on stdout; with <c>-i</c> the head before it (as soon as it
/// arrives) and the trailer fields after it; with <c>--raw</c> every byte as it came off the wire.
/// </summary>
internal sealed class GetTextRenderer(CliConsole console, GetArguments arguments) : GetRenderer(console, arguments)
{
    private TerminalBodyGuard? _guard;

    public override Stream Body => Arguments.Raw
        ? Stream.Null
        : Console.OutputIsTerminal && !Arguments.BodyToTerminal
            ? _guard ??= new TerminalBodyGuard(new SyncWriteStream(Console.OutputStream))
            : new SyncWriteStream(Console.OutputStream);

    public override bool WantsResponseBytes => Arguments.Raw;

    public override void OnResponseBytes(ReadOnlySpan<byte> bytes)
    {
        if (Arguments.Raw)
        {
            Console.OutputStream.Write(bytes);
        }
    }

    public override void OnInterimHead(HttpResponseHead head)
    {
        base.OnInterimHead(head);
        // -i shows a 100 Continue or 103 Early Hints where it came, before the final head, as curl -i does.
        if (Arguments.Include && !Arguments.Raw)
        {
            Console.Out.Write(head.Format());
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
        if (_guard is { Withheld: true })
        {
            Console.Error.WriteLine($"sockit: binary body not printed on the terminal ({response.BodyLength - _guard.Written} of {response.BodyLength} bytes held back; save it with -o FILE, or print it anyway with -o -)");
        }
        if (Arguments.Include && !Arguments.Raw && response.Trailers.Count > 0)
        {
            Console.Out.Write(HttpHeaderField.FormatSection(response.Trailers));
        }
    }
}
