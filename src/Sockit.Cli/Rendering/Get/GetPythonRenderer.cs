using Sockit.Cli.Commands;
using Sockit.Http;

namespace Sockit.Cli.Rendering;

/// <summary>
/// <c>get --format python</c>: what the lesson's <c>response</c> holds once it is read right, every byte of the reply
/// as Python's <c>repr(bytes)</c>, printed when the exchange is over.
/// </summary>
internal sealed class GetPythonRenderer(CliConsole console, GetArguments arguments) : GetRenderer(console, arguments)
{
    private readonly MemoryStream _wire = new();

    public override bool WantsResponseBytes => true;

    public override void OnResponseBytes(ReadOnlySpan<byte> bytes) => _wire.Write(bytes);

    // With -L each hop is a connection of its own: what recv held is the last one's.
    public override void OnRequestSent(ReadOnlySpan<byte> request)
    {
        base.OnRequestSent(request);
        _wire.SetLength(0);
    }

    public override void Completed(HttpWireResponse response) =>
        Console.Out.WriteLine(PyRepr.Bytes(_wire.GetBuffer().AsSpan(0, (int)_wire.Length)));
}
