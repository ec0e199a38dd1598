namespace Sockit.Cli.Rendering;

// Each command's result records, renderers and JSON records sit in a folder of their own (Service/, Host/, Resolve/,
// Socket/, Constants/) but in this one namespace: a namespace named Socket or Host would hide System.Net's types.

/// <summary>
/// The three renderings of one command's result record: text for people, JSON for programs, and what Python's socket
/// module prints. A command parses its arguments, makes one library call, and hands the result here; a renderer only
/// writes, so its tests feed it hand-built records and compare the bytes (as dotnet-counters tests its exporters).
/// </summary>
/// <typeparam name="TResult">The result record this renderer prints.</typeparam>
internal abstract class ResultRenderer<TResult>
{
    /// <summary>Writes <paramref name="result"/> in <paramref name="format"/> to the console's stdout (and, for text, notes on stderr).</summary>
    public void Render(CliConsole console, OutputFormat format, TResult result) => Render(format, result, console.Out, console.Error);

    /// <summary>Writes <paramref name="result"/> in <paramref name="format"/>: the result to <paramref name="output"/>, notes about it to <paramref name="error"/>.</summary>
    public void Render(OutputFormat format, TResult result, TextWriter output, TextWriter error)
    {
        switch (format)
        {
            case OutputFormat.Json:
                WriteJson(result, output);
                break;
            case OutputFormat.Python:
                WritePython(result, output);
                break;
            default:
                WriteText(result, output, error);
                break;
        }
    }

    /// <summary>The text for people: the result on <paramref name="output"/>; remarks (where it came from) on <paramref name="error"/>, so pipes get data only.</summary>
    public abstract void WriteText(TResult result, TextWriter output, TextWriter error);

    /// <summary>One JSON document, as docs/cli-json.md describes it, with its <c>version</c> first.</summary>
    public abstract void WriteJson(TResult result, TextWriter output);

    /// <summary>Exactly what Python's socket module prints for the same call: <c>print(repr(...))</c>.</summary>
    public abstract void WritePython(TResult result, TextWriter output);
}
