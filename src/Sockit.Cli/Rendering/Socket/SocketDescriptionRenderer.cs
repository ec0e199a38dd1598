using System.Net;
using System.Net.Sockets;
using Sockit.Sockets;

namespace Sockit.Cli.Rendering;

/// <summary>Renders <see cref="SocketDescription"/>: descriptor, family, type, protocol and local address, as <c>repr(socket)</c> for Python.</summary>
internal sealed class SocketDescriptionRenderer : ResultRenderer<SocketDescription>
{
    public override void WriteText(SocketDescription result, TextWriter output, TextWriter error)
    {
        output.WriteLine($"fd      {result.Descriptor}");
        output.WriteLine($"family  {SocketText.Family(result.Family)} ({result.OsFamily})");
        output.WriteLine($"type    {SocketText.Type(result.SocketType)} ({SocketConstants.ToOsNumber(result.SocketType)})");
        output.WriteLine($"proto   {(int)result.Protocol}{(result.Protocol == ProtocolType.Unspecified ? " (the family's default)" : $" ({SocketText.Proto(result.Protocol)})")}");
        output.WriteLine($"local   {SocketText.EndPoint(result.LocalEndPoint) ?? "(unnamed)"}");
    }

    public override void WriteJson(SocketDescription result, TextWriter output) =>
        JsonOutput.Write(output,
            new SocketJson(
                JsonContract.Version,
                result.Descriptor,
                SocketText.Family(result.Family),
                result.OsFamily,
                SocketText.Type(result.SocketType),
                SocketConstants.ToOsNumber(result.SocketType),
                (int)result.Protocol,
                (result.LocalEndPoint as IPEndPoint)?.Address.ToString(),
                (result.LocalEndPoint as IPEndPoint)?.Port,
                result.LocalEndPoint is UnixDomainSocketEndPoint ? SocketText.EndPoint(result.LocalEndPoint) : null),
            CliJsonContext.Default.SocketJson);

    public override void WritePython(SocketDescription result, TextWriter output) =>
        output.WriteLine(PyNaming.SocketRepr(result));
}
