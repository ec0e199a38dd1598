namespace Sockit.Cli.Rendering;

/// <summary>Renders <see cref="ServiceListing"/>: the entries, and in text which database they came from (on stderr).</summary>
internal sealed class ServiceListingRenderer : ResultRenderer<ServiceListing>
{
    public override void WriteText(ServiceListing result, TextWriter output, TextWriter error)
    {
        error.WriteLine($"# source: {result.Source} ({result.Entries.Count} entries{(result.Protocol is null ? "" : $" for {result.Protocol}")})");
        foreach (var entry in result.Entries)
        {
            output.WriteLine(ServiceText.Line(entry));
        }
    }

    public override void WriteJson(ServiceListing result, TextWriter output) =>
        JsonOutput.Write(output,
            new ServiceListJson(JsonContract.Version, result.Source.ToString(), result.Source.IsEmbedded,
                [.. result.Entries.Select(e => new ServiceEntryJson(e.Name, e.Port, e.Protocol, e.Aliases))]),
            CliJsonContext.Default.ServiceListJson);

    // Python has no listing call; this is the list of (name, port, protocol, aliases) tuples it would build.
    public override void WritePython(ServiceListing result, TextWriter output) =>
        output.WriteLine(PyRepr.List(result.Entries.Select(e =>
            PyRepr.Tuple(PyRepr.Str(e.Name), PyRepr.Int(e.Port), PyRepr.Str(e.Protocol), PyRepr.StrList(e.Aliases)))));
}
