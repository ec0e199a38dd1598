namespace Sockit.Cli.Rendering;

/// <summary>Renders <see cref="ServiceLookup"/>: getservbyname's port or getservbyport's name for Python, the entry otherwise.</summary>
internal sealed class ServiceLookupRenderer : ResultRenderer<ServiceLookup>
{
    public override void WriteText(ServiceLookup result, TextWriter output, TextWriter error) =>
        output.WriteLine(ServiceText.Line(result.Entry));

    public override void WriteJson(ServiceLookup result, TextWriter output)
    {
        var entry = result.Entry;
        JsonOutput.Write(output,
            new ServiceJson(JsonContract.Version, entry.Name, entry.Port, entry.Protocol, entry.Aliases, result.Source.ToString()),
            CliJsonContext.Default.ServiceJson);
    }

    public override void WritePython(ServiceLookup result, TextWriter output) =>
        output.WriteLine(result.ByPort ? PyRepr.Str(result.Entry.Name) : PyRepr.Int(result.Entry.Port));
}
