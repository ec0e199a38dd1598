using System.Globalization;
using System.Net.Sockets;
using Sockit.Interop;

namespace Sockit.Sockets;

/// <summary>
/// The OS's <c>AF_</c>, <c>SOCK_</c> and <c>IPPROTO_</c> constants, under the names Python's socket module gives
/// them, and the conversions between .NET's enums (whose numbers are Windows') and the OS's numbers.
/// </summary>
/// <remarks>
/// On the portable path (where glibc is not available, or chosen as <see cref="Naming.HostResolver"/> says) the OS's
/// numbers are not known: the constants are .NET's (<c>AF_INET6</c> is 23), and only <c>AF_UNSPEC</c>, <c>AF_UNIX</c>,
/// <c>AF_INET</c> and <c>AF_INET6</c>, the BSD socket types and the protocols <see cref="ProtocolType"/> names are listed.
/// </remarks>
public static class SocketConstants
{
    // Built from the platform's table on first use (not in a static initializer: elsewhere than Linux the table throws).
    private static IReadOnlyList<SocketConstant>? s_families;
    private static IReadOnlyList<SocketConstant>? s_socketTypes;
    private static IReadOnlyList<SocketConstant>? s_protocols;

    /// <summary>The address families (<c>AF_</c>), by name.</summary>
    public static IReadOnlyList<SocketConstant> AddressFamilies => s_families ??= ToPublic(SocketPlatform.Current.Constants.Families);

    /// <summary>The socket types (<c>SOCK_</c>, including the <c>SOCK_NONBLOCK</c> and <c>SOCK_CLOEXEC</c> flags), by name.</summary>
    public static IReadOnlyList<SocketConstant> SocketTypes => s_socketTypes ??= ToPublic(SocketPlatform.Current.Constants.Types);

    /// <summary>The IP protocols (<c>IPPROTO_</c>), by name.</summary>
    public static IReadOnlyList<SocketConstant> Protocols => s_protocols ??= ToPublic(SocketPlatform.Current.Constants.Protocols);

    /// <summary>Every constant whose name starts with <paramref name="prefix"/> (all of them when null), by name.</summary>
    public static IReadOnlyList<SocketConstant> List(string? prefix = null) =>
        [.. AddressFamilies.Concat(SocketTypes).Concat(Protocols)
            .Where(c => prefix is null || c.Name.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(c => c.Name, StringComparer.Ordinal)];

    /// <summary>The OS's number for <paramref name="family"/> (<c>AF_INET6</c> is 10 on Linux, where .NET says 23).</summary>
    /// <exception cref="ArgumentOutOfRangeException">This OS has no such family.</exception>
    public static int ToOsNumber(AddressFamily family)
    {
        var number = SocketPlatform.Current.ToOsFamily(family);
        return number >= 0 ? number : throw new ArgumentOutOfRangeException(nameof(family), family, "this OS has no number for that address family");
    }

    /// <summary>The OS's number for <paramref name="type"/>; .NET's numbers are the BSD socket ones.</summary>
    public static int ToOsNumber(SocketType type) => type == SocketType.Unknown ? 0 : (int)type;

    /// <summary>The .NET family for an OS number; <see cref="AddressFamily.Unknown"/> when .NET has none.</summary>
    public static AddressFamily FamilyFromOsNumber(int number) => SocketPlatform.Current.FromOsFamily(number);

    /// <summary>The <c>AddressFamily</c> member name Python uses for <paramref name="family"/> (<c>AF_INET</c>), or null.</summary>
    public static string? FamilyName(AddressFamily family)
    {
        var number = SocketPlatform.Current.ToOsFamily(family);
        return SocketPlatform.Current.Constants.FamilyMembers.FirstOrDefault(c => c.Value == number)?.Name;
    }

    /// <summary>The <c>SocketKind</c> member name Python uses for <paramref name="type"/> (<c>SOCK_STREAM</c>), or null.</summary>
    public static string? SocketTypeName(SocketType type) =>
        SocketPlatform.Current.Constants.TypeMembers.FirstOrDefault(c => c.Value == (int)type)?.Name;

    /// <summary>The <c>IPPROTO_</c> name for a protocol number (<c>IPPROTO_IP</c> for 0; else the first by name when several share it), or null.</summary>
    public static string? ProtocolName(ProtocolType protocol) =>
        protocol == ProtocolType.Unspecified ? "IPPROTO_IP" : Protocols.FirstOrDefault(c => c.Value == (int)protocol)?.Name;

    /// <summary>Parses a family as people write it: <c>inet</c>, <c>inet6</c>, <c>unix</c>, <c>any</c>/<c>unspec</c>,
    /// <c>AF_INET6</c>, or the OS's number. Only families .NET can name parse.</summary>
    public static bool TryParseFamily(string text, out AddressFamily family)
    {
        ArgumentNullException.ThrowIfNull(text);
        family = AddressFamily.Unknown;
        if (text.Equals("any", StringComparison.OrdinalIgnoreCase))
        {
            family = AddressFamily.Unspecified;
            return true;
        }
        if (!TryParse(text, "AF_", AddressFamilies, out var number))
        {
            return false;
        }
        family = SocketPlatform.Current.FromOsFamily(number);
        return family != AddressFamily.Unknown;
    }

    /// <summary>Parses a socket type: <c>stream</c>, <c>dgram</c>, <c>raw</c>, <c>rdm</c>, <c>seqpacket</c>, <c>SOCK_DGRAM</c> or a number.</summary>
    public static bool TryParseSocketType(string text, out SocketType type)
    {
        ArgumentNullException.ThrowIfNull(text);
        type = SocketType.Unknown;
        if (!TryParse(text, "SOCK_", SocketTypes, out var number) || number is < 1 or > 5)
        {
            return false;
        }
        type = (SocketType)number;
        return true;
    }

    /// <summary>Parses a protocol: <c>tcp</c>, <c>udp</c>, <c>icmp</c>, ... (any <c>IPPROTO_</c> name, with or without the prefix) or a number 0-65535.</summary>
    public static bool TryParseProtocol(string text, out ProtocolType protocol)
    {
        ArgumentNullException.ThrowIfNull(text);
        protocol = ProtocolType.Unspecified;
        if (!TryParse(text, "IPPROTO_", Protocols, out var number) || number > 65535)
        {
            return false;
        }
        protocol = (ProtocolType)number;
        return true;
    }

    private static SocketConstant[] ToPublic(IReadOnlyList<OsConstant> constants) => [.. constants.Select(c => new SocketConstant(c.Name, c.Value))];

    private static bool TryParse(string text, string prefix, IReadOnlyList<SocketConstant> constants, out int number)
    {
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
        }
        var name = text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? text : prefix + text;
        var constant = constants.FirstOrDefault(c => c.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
        number = constant?.Value ?? -1;
        return constant is not null;
    }
}
