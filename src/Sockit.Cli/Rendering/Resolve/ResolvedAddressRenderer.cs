namespace Sockit.Cli.Rendering;

/// <summary>Renders <see cref="ResolvedAddress"/>: gethostbyname's address.</summary>
internal sealed class ResolvedAddressRenderer : ResultRenderer<ResolvedAddress>
{
    public override void WriteText(ResolvedAddress result, TextWriter output, TextWriter error) =>
        output.WriteLine(result.Address);

    public override void WriteJson(ResolvedAddress result, TextWriter output) =>
        JsonOutput.Write(output, new ResolvedAddressJson(JsonContract.Version, result.Name, result.Address.ToString()), CliJsonContext.Default.ResolvedAddressJson);

    public override void WritePython(ResolvedAddress result, TextWriter output) =>
        output.WriteLine(PyNaming.Address(result.Address));
}
