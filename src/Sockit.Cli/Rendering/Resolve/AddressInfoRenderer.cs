using System.Net.Sockets;
using Sockit.Naming;
using Sockit.Sockets;

namespace Sockit.Cli.Rendering;

/// <summary>Renders getaddrinfo's list: a table for people, <c>entries</c> in JSON, the list of 5-tuples for Python.</summary>
internal sealed class AddressInfoRenderer : ResultRenderer<IReadOnlyList<AddressInfo>>
{
    public override void WriteText(IReadOnlyList<AddressInfo> result, TextWriter output, TextWriter error)
    {
        foreach (var info in result)
        {
            var line = $"{SocketText.Family(info.Family),-9} {SocketText.Type(info.SocketType),-14} {SocketText.Proto(info.Protocol),-5} {info.EndPoint}";
            output.WriteLine(info.CanonicalName.Length > 0 ? $"{line}  canonical name {info.CanonicalName}" : line);
        }
    }

    public override void WriteJson(IReadOnlyList<AddressInfo> result, TextWriter output) =>
        JsonOutput.Write(output, new AddressInfoListJson(JsonContract.Version, [.. result.Select(Json)]), CliJsonContext.Default.AddressInfoListJson);

    public override void WritePython(IReadOnlyList<AddressInfo> result, TextWriter output) =>
        output.WriteLine(PyNaming.AddrInfoList(result));

    private static AddressInfoJson Json(AddressInfo info)
    {
        var v6 = info.Family == AddressFamily.InterNetworkV6;
        return new AddressInfoJson(
            SocketText.Family(info.Family),
            SocketConstants.ToOsNumber(info.Family),
            SocketText.Type(info.SocketType),
            SocketConstants.ToOsNumber(info.SocketType),
            (int)info.Protocol,
            info.CanonicalName,
            PyNaming.HostText(info.EndPoint.Address),
            info.EndPoint.Port,
            v6 ? info.FlowInfo : null,
            v6 ? info.EndPoint.Address.ScopeId : null);
    }
}
