using Sockit.Sockets;

namespace Sockit.Cli.Rendering;

/// <summary>Renders a list of the OS's socket constants: name and number.</summary>
internal sealed class SocketConstantsRenderer : ResultRenderer<IReadOnlyList<SocketConstant>>
{
    public override void WriteText(IReadOnlyList<SocketConstant> result, TextWriter output, TextWriter error)
    {
        foreach (var constant in result)
        {
            output.WriteLine($"{constant.Name,-18} {constant.Value}");
        }
    }

    public override void WriteJson(IReadOnlyList<SocketConstant> result, TextWriter output) =>
        JsonOutput.Write(output,
            new ConstantListJson(JsonContract.Version, [.. result.Select(c => new ConstantJson(c.Name, c.Value))]),
            CliJsonContext.Default.ConstantListJson);

    // {name: int(getattr(socket, name)) for name in dir(socket) if name.startswith(prefix)}
    public override void WritePython(IReadOnlyList<SocketConstant> result, TextWriter output) =>
        output.WriteLine("{" + string.Join(", ", result.Select(c => $"{PyRepr.Str(c.Name)}: {PyRepr.Int(c.Value)}")) + "}");
}
