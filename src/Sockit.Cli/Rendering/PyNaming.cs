using System.Net;
using System.Net.Sockets;
using System.Text;
using Sockit.Naming;
using Sockit.Sockets;

namespace Sockit.Cli.Rendering;

/// <summary>
/// What Python's socket module prints for naming and socket results, from sockit's result records: reusable by any
/// command (and the tour) that shows the Python side of a lesson step.
/// </summary>
internal static class PyNaming
{
    /// <summary>repr of an address as text: <c>'127.0.0.1'</c>.</summary>
    public static string Address(IPAddress address) => PyRepr.Str(address.ToString());

    /// <summary>repr of <c>gethostbyname_ex</c>'s and <c>gethostbyaddr</c>'s tuple: <c>('localhost', [], ['127.0.0.1'])</c>.</summary>
    public static string HostEntry(HostEntry entry) =>
        PyRepr.Tuple(PyRepr.Str(entry.Name), PyRepr.StrList(entry.Aliases), PyRepr.StrList(entry.Addresses.Select(a => a.ToString())));

    /// <summary>repr of a family: <c>&lt;AddressFamily.AF_INET: 2&gt;</c>, or the bare number when it is no member of the enum.</summary>
    public static string Family(AddressFamily family)
    {
        var number = SocketConstants.ToOsNumber(family);
        return SocketConstants.FamilyName(family) is { } name ? $"<AddressFamily.{name}: {PyRepr.Int(number)}>" : PyRepr.Int(number);
    }

    /// <summary>repr of a socket type: <c>&lt;SocketKind.SOCK_STREAM: 1&gt;</c>.</summary>
    public static string SocketKind(SocketType type)
    {
        var number = SocketConstants.ToOsNumber(type);
        return SocketConstants.SocketTypeName(type) is { } name ? $"<SocketKind.{name}: {PyRepr.Int(number)}>" : PyRepr.Int(number);
    }

    /// <summary>repr of a protocol, which Python keeps as a plain int: <c>6</c>.</summary>
    public static string Proto(ProtocolType protocol) => PyRepr.Int((int)protocol);

    /// <summary>
    /// repr of a socket address: <c>('127.0.0.1', 80)</c>, <c>('fe80::1', 80, 0, 1)</c>, <c>'/path'</c>, <c>b'\x00name'</c>;
    /// <c>''</c> for none. An IPv6 address is <c>(host, port, flowinfo, scope_id)</c>: since Python 3.7 the host has no
    /// <c>%scope</c> suffix, the scope being the fourth item (bpo-32221).
    /// </summary>
    public static string SockAddr(EndPoint? endPoint, uint flowInfo = 0) => endPoint switch
    {
        IPEndPoint { AddressFamily: AddressFamily.InterNetworkV6 } v6 => PyRepr.Tuple(
            PyRepr.Str(HostText(v6.Address)), PyRepr.Int(v6.Port), PyRepr.Int(flowInfo), PyRepr.Int(v6.Address.ScopeId)),
        IPEndPoint v4 => PyRepr.Tuple(PyRepr.Str(v4.Address.ToString()), PyRepr.Int(v4.Port)),
        UnixDomainSocketEndPoint unix when IsAbstract(unix) => PyRepr.Bytes(AbstractName(unix)),
        UnixDomainSocketEndPoint unix => PyRepr.Str(unix.ToString()),
        null => PyRepr.Str(""),
        _ => PyRepr.Str(endPoint.ToString() ?? ""),
    };

    /// <summary>repr of one getaddrinfo entry: <c>(&lt;AddressFamily.AF_INET: 2&gt;, &lt;SocketKind.SOCK_STREAM: 1&gt;, 6, '', ('127.0.0.1', 80))</c>.</summary>
    public static string AddrInfo(AddressInfo info) =>
        PyRepr.Tuple(Family(info.Family), SocketKind(info.SocketType), Proto(info.Protocol), PyRepr.Str(info.CanonicalName), SockAddr(info.EndPoint, info.FlowInfo));

    /// <summary>repr of getaddrinfo's list.</summary>
    public static string AddrInfoList(IEnumerable<AddressInfo> infos) => PyRepr.List(infos.Select(AddrInfo));

    /// <summary>
    /// repr of a socket: <c>&lt;socket.socket fd=3, family=2, type=1, proto=0, laddr=('0.0.0.0', 0)&gt;</c>. Python 3.11
    /// and later print the family and type as numbers; with <paramref name="enumNames"/>, as Python 3.10 and earlier
    /// did (and the lesson shows): <c>family=AddressFamily.AF_INET, type=SocketKind.SOCK_STREAM</c>.
    /// </summary>
    public static string SocketRepr(SocketDescription socket, bool enumNames = false)
    {
        var family = SocketConstants.ToOsNumber(socket.Family);
        var type = SocketConstants.ToOsNumber(socket.SocketType);
        var familyText = enumNames && SocketConstants.FamilyName(socket.Family) is { } f ? $"AddressFamily.{f}" : PyRepr.Int(family);
        var typeText = enumNames && SocketConstants.SocketTypeName(socket.SocketType) is { } t ? $"SocketKind.{t}" : PyRepr.Int(type);
        var repr = new StringBuilder($"<socket.socket fd={PyRepr.Int(socket.Descriptor)}, family={familyText}, type={typeText}, proto={PyRepr.Int((int)socket.Protocol)}");
        // Python adds laddr and raddr with str(), when they are truthy (an unnamed Unix socket's '' is not).
        if (socket.LocalEndPoint is not null)
        {
            repr.Append(", laddr=").Append(PyStr(socket.LocalEndPoint));
        }
        if (socket.RemoteEndPoint is not null)
        {
            repr.Append(", raddr=").Append(PyStr(socket.RemoteEndPoint));
        }
        return repr.Append('>').ToString();
    }

    // str() of a socket address: a tuple's str is its repr; a str prints bare (an abstract name is bytes, printed as repr).
    private static string PyStr(EndPoint endPoint) =>
        endPoint is UnixDomainSocketEndPoint unix && !IsAbstract(unix) ? unix.ToString() : SockAddr(endPoint);

    // .NET prints an abstract name (sun_path starting with a NUL) as "@name", like a file named "@name": the sockaddr
    // tells them apart, its first path byte (after the two-byte family) being 0.
    private static bool IsAbstract(UnixDomainSocketEndPoint unix)
    {
        var address = unix.Serialize();
        return address.Size > 2 && address[2] == 0;
    }

    // Python gives an abstract name as the bytes of sun_path: b'\x00name'.
    private static byte[] AbstractName(UnixDomainSocketEndPoint unix) => [0, .. Encoding.UTF8.GetBytes(unix.ToString()[1..])];

    /// <summary>An address as Python gives a socket address's host: an IPv6 address without its <c>%scope</c> suffix.</summary>
    public static string HostText(IPAddress address)
    {
        var text = address.ToString();
        var percent = text.IndexOf('%', StringComparison.Ordinal);
        return percent < 0 ? text : text[..percent];
    }
}
