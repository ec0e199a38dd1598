using Sockit.Naming;

namespace Sockit.Cli.Rendering;

/// <summary>Renders <see cref="HostInfo"/>: this machine's name, the address it resolves to, its fully qualified name and its interfaces.</summary>
internal sealed class HostInfoRenderer : ResultRenderer<HostInfo>
{
    public override void WriteText(HostInfo result, TextWriter output, TextWriter error)
    {
        output.WriteLine($"host name  {result.HostName}");
        output.WriteLine($"address    {(result.Address?.ToString() ?? $"(none: {result.AddressError})")}");
        output.WriteLine($"fqdn       {result.FullyQualifiedName}");
        output.WriteLine("interfaces");
        foreach (var nic in result.Interfaces)
        {
            var addresses = nic.Addresses.Count == 0 ? "(no addresses)" : string.Join(' ', nic.Addresses);
            output.WriteLine($"  {nic.Index,3} {nic.Name,-12} {(nic.IsUp ? "up  " : "down")} {addresses}");
        }
    }

    public override void WriteJson(HostInfo result, TextWriter output) =>
        JsonOutput.Write(output,
            new HostJson(JsonContract.Version, result.HostName, result.Address?.ToString(), result.AddressError, result.FullyQualifiedName,
                [.. result.Interfaces.Select(i => new InterfaceJson(i.Index, i.Name, i.IsUp, [.. i.Addresses.Select(a => a.ToString())]))]),
            CliJsonContext.Default.HostJson);

    // socket.gethostname(), socket.gethostbyname(socket.gethostname()), socket.getfqdn(), socket.if_nameindex().
    public override void WritePython(HostInfo result, TextWriter output)
    {
        output.WriteLine(PyRepr.Str(result.HostName));
        output.WriteLine(result.Address is null ? PyRepr.None : PyNaming.Address(result.Address));
        output.WriteLine(PyRepr.Str(result.FullyQualifiedName));
        output.WriteLine(PyRepr.List(result.Interfaces.Select(i => PyRepr.Tuple(PyRepr.Int(i.Index), PyRepr.Str(i.Name)))));
    }
}
