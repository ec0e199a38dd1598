using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Sockit.Sockets;

namespace Sockit.Cli.Rendering;

/// <summary>How the text and JSON renderings name a family, socket type, protocol and socket address.</summary>
internal static class SocketText
{
    /// <summary>A family's C name, <c>AF_INET</c>, or the enum's name when the OS has no constant for it.</summary>
    public static string Family(AddressFamily family) => SocketConstants.FamilyName(family) ?? family.ToString();

    /// <summary>A socket type's C name, <c>SOCK_STREAM</c>, or its number.</summary>
    public static string Type(SocketType type) => SocketConstants.SocketTypeName(type) ?? ((int)type).ToString(CultureInfo.InvariantCulture);

    /// <summary>A protocol's short name, <c>tcp</c>; <c>0</c> for the family's default; its number when it has no name.</summary>
    public static string Proto(ProtocolType protocol) => protocol == ProtocolType.Unspecified
        ? "0"
        : SocketConstants.ProtocolName(protocol)?["IPPROTO_".Length..].ToLowerInvariant() ?? ((int)protocol).ToString(CultureInfo.InvariantCulture);

    /// <summary>A socket address as text: <c>127.0.0.1:80</c>, <c>[::1]:80</c>, a path, or <c>@name</c> for an abstract Unix name; null for none.</summary>
    public static string? EndPoint(EndPoint? endPoint) => endPoint switch
    {
        null => null,
        UnixDomainSocketEndPoint unix => unix.ToString().Replace("\0", "@", StringComparison.Ordinal),
        _ => endPoint.ToString(),
    };
}
