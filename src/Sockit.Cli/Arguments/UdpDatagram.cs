using System.Net;
using System.Net.Sockets;
using System.Globalization;
using System.Text;

namespace Sockit.Cli.Arguments;

/// <summary>
/// The largest UDP payload: 65,535 less the 8-byte UDP header and the 20-byte IPv4 header (65,507), or for IPv6,
/// whose 40-byte header is not counted in its payload length, 65,535 less 8 (65,527). <c>--send TEXT</c> is one
/// datagram, so a longer TEXT is refused in one line rather than cut into pieces the peer cannot tell apart.
/// </summary>
internal static class UdpDatagram
{
    public const int MaxIPv4Payload = 65507;

    public const int MaxIPv6Payload = 65527;

    /// <summary>Throws the usage line when <paramref name="text"/> (UDP's --send, or null) does not fit one datagram to <paramref name="peer"/>.</summary>
    public static void CheckSend(string? text, EndPoint? peer)
    {
        if (text is null)
        {
            return;
        }
        var bytes = Encoding.UTF8.GetByteCount(text);
        var (max, family) = peer?.AddressFamily == AddressFamily.InterNetworkV6 ? (MaxIPv6Payload, "IPv6") : (MaxIPv4Payload, "IPv4");
        if (bytes > max)
        {
            throw CliException.Usage(string.Create(CultureInfo.InvariantCulture, $"--send TEXT is {bytes:N0} bytes: one UDP datagram over {family} holds at most {max:N0}, and -u sends --send as one datagram; send less, or use TCP (drop -u)"));
        }
    }
}
