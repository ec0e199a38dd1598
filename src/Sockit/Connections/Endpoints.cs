using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Sockit.Connections;

/// <summary>Endpoints as people write them.</summary>
public static class Endpoints
{
    /// <summary><c>127.0.0.1:8000</c>, <c>[::1]:8000</c>, or the path of a Unix domain socket.</summary>
    public static string Format(EndPoint endPoint)
    {
        ArgumentNullException.ThrowIfNull(endPoint);
        return endPoint switch
        {
            IPEndPoint { Address.AddressFamily: AddressFamily.InterNetworkV6 } ip => string.Create(CultureInfo.InvariantCulture, $"[{ip.Address}]:{ip.Port}"),
            IPEndPoint ip => string.Create(CultureInfo.InvariantCulture, $"{ip.Address}:{ip.Port}"),
            UnixDomainSocketEndPoint unix => unix.ToString() is { Length: > 0 } path ? path : "(unnamed unix socket)",
            _ => endPoint.ToString() ?? "?",
        };
    }
}
