namespace Sockit.Cli.Rendering;

/// <summary>Renders <see cref="HostEntryLookup"/>: gethostbyname_ex's or gethostbyaddr's (name, aliases, addresses).</summary>
internal sealed class HostEntryLookupRenderer : ResultRenderer<HostEntryLookup>
{
    public override void WriteText(HostEntryLookup result, TextWriter output, TextWriter error)
    {
        HostEntryText.Write(result.Entry, output);
        error.WriteLine($"# {result.Call}, from the OS resolver");
    }

    public override void WriteJson(HostEntryLookup result, TextWriter output) =>
        JsonOutput.Write(output,
            new HostEntryJson(JsonContract.Version, result.Entry.Name, result.Entry.Aliases, [.. result.Entry.Addresses.Select(a => a.ToString())]),
            CliJsonContext.Default.HostEntryJson);

    public override void WritePython(HostEntryLookup result, TextWriter output) =>
        output.WriteLine(PyNaming.HostEntry(result.Entry));
}
