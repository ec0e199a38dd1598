using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sockit.Proxies;

/// <summary>
/// SOCKS5's messages as bytes (RFC 1928, and RFC 1929 for the username and password), written into and read from
/// spans with no I/O, so each can be tested against hand-written bytes. A reply that breaks the protocol throws
/// <see cref="InvalidDataException"/> saying how; <see cref="Socks5Handshake"/> turns that into a <see cref="ProxyException"/>.
/// </summary>
internal static class Socks5Wire
{
    public const byte Version = 0x05;
    public const byte NoAuthentication = 0x00;
    public const byte UsernamePassword = 0x02;
    public const byte NoAcceptableMethods = 0xFF;
    public const byte PasswordVersion = 0x01; // RFC 1929's sub-negotiation version
    public const byte Connect = 0x01;
    public const byte AddressIPv4 = 0x01;
    public const byte AddressDomain = 0x03;
    public const byte AddressIPv6 = 0x04;

    /// <summary>The largest message written: a CONNECT with a 255-byte name (4 + 1 + 255 + 2), or RFC 1929's 1 + 1 + 255 + 1 + 255.</summary>
    public const int MaxRequestLength = 513;

    /// <summary>The first bytes of a CONNECT reply that say how long the rest is: VER REP RSV ATYP and one byte of the address.</summary>
    public const int ReplyHeadLength = 5;

    /// <summary>The greeting: VER, NMETHODS, METHODS (no authentication, and username/password when there is a password to give).</summary>
    public static int WriteGreeting(Span<byte> destination, bool offerPassword)
    {
        destination[0] = Version;
        if (offerPassword)
        {
            destination[1] = 2;
            destination[2] = NoAuthentication;
            destination[3] = UsernamePassword;
            return 4;
        }
        destination[1] = 1;
        destination[2] = NoAuthentication;
        return 3;
    }

    /// <summary>The method the proxy chose (VER METHOD): one offered, or <see cref="NoAcceptableMethods"/>.</summary>
    public static byte ReadMethodChoice(ReadOnlySpan<byte> reply, bool offeredPassword)
    {
        CheckVersion(reply[0], Version);
        var method = reply[1];
        if (method is NoAuthentication or NoAcceptableMethods || (method == UsernamePassword && offeredPassword))
        {
            return method;
        }
        throw new InvalidDataException($"it chose authentication method 0x{method:x2}, which was not offered");
    }

    /// <summary>RFC 1929's request: VER (1), ULEN, UNAME, PLEN, PASSWD.</summary>
    public static int WritePasswordRequest(Span<byte> destination, string userName, string password)
    {
        destination[0] = PasswordVersion;
        var userLength = Encoding.UTF8.GetBytes(userName, destination[2..]);
        destination[1] = checked((byte)userLength);
        var at = 2 + userLength;
        var passwordLength = Encoding.UTF8.GetBytes(password, destination[(at + 1)..]);
        destination[at] = checked((byte)passwordLength);
        return at + 1 + passwordLength;
    }

    /// <summary>RFC 1929's reply (VER STATUS): the status, 0 for success. RFC 1929 says VER is 1; some servers echo 5, which is accepted.</summary>
    public static byte ReadPasswordStatus(ReadOnlySpan<byte> reply)
    {
        if (reply[0] is not (PasswordVersion or Version))
        {
            throw new InvalidDataException($"its password reply has version 0x{reply[0]:x2}, expected 0x01");
        }
        return reply[1];
    }

    /// <summary>The CONNECT request: VER CMD RSV ATYP DST.ADDR DST.PORT, to an address or (for the proxy to resolve) a name.</summary>
    public static int WriteConnect(Span<byte> destination, IPAddress? address, string? name, int port)
    {
        destination[0] = Version;
        destination[1] = Connect;
        destination[2] = 0x00;
        int at;
        if (address is not null)
        {
            destination[3] = address.AddressFamily == AddressFamily.InterNetworkV6 ? AddressIPv6 : AddressIPv4;
            address.TryWriteBytes(destination[4..], out var written);
            at = 4 + written;
        }
        else
        {
            destination[3] = AddressDomain;
            var length = Encoding.ASCII.GetBytes(name!, destination[5..]);
            destination[4] = checked((byte)length);
            at = 5 + length;
        }
        BinaryPrimitives.WriteUInt16BigEndian(destination[at..], (ushort)port);
        return at + 2;
    }

    /// <summary>From the reply's first <see cref="ReplyHeadLength"/> bytes, the length of the whole reply.</summary>
    public static int ReplyLength(ReadOnlySpan<byte> head)
    {
        CheckVersion(head[0], Version);
        if (head[2] != 0x00)
        {
            throw new InvalidDataException($"its reply's reserved byte is 0x{head[2]:x2}, not 0x00");
        }
        return head[3] switch
        {
            AddressIPv4 => 4 + 4 + 2,
            AddressIPv6 => 4 + 16 + 2,
            AddressDomain => 4 + 1 + head[4] + 2,
            var other => throw new InvalidDataException($"its reply has address type 0x{other:x2}, not 1, 3 or 4"),
        };
    }

    /// <summary>The whole CONNECT reply (VER REP RSV ATYP BND.ADDR BND.PORT): its reply field, and the address the proxy connected from.</summary>
    public static (byte Reply, string Bound) ReadConnectReply(ReadOnlySpan<byte> reply)
    {
        var length = ReplyLength(reply);
        if (reply.Length != length)
        {
            throw new InvalidDataException($"its reply is {reply.Length} bytes, its address type says {length}");
        }
        var code = reply[1];
        if (code > 8)
        {
            throw new InvalidDataException($"its reply field is 0x{code:x2}, not one RFC 1928 defines (0 to 8)");
        }
        var port = BinaryPrimitives.ReadUInt16BigEndian(reply[^2..]);
        var bound = reply[3] switch
        {
            AddressIPv4 => new IPEndPoint(new IPAddress(reply[4..8]), port).ToString(),
            AddressIPv6 => new IPEndPoint(new IPAddress(reply[4..20]), port).ToString(),
            _ => $"{Encoding.ASCII.GetString(reply[5..^2])}:{port}",
        };
        return (code, bound);
    }

    /// <summary>RFC 1928 section 6's words for a reply field.</summary>
    public static string Describe(byte reply) => reply switch
    {
        0 => "succeeded",
        1 => "general SOCKS server failure",
        2 => "connection not allowed by ruleset",
        3 => "network unreachable",
        4 => "host unreachable",
        5 => "connection refused",
        6 => "TTL expired",
        7 => "command not supported",
        8 => "address type not supported",
        _ => "unassigned",
    };

    private static void CheckVersion(byte actual, byte expected)
    {
        if (actual != expected)
        {
            throw new InvalidDataException($"version byte 0x{actual:x2}, expected 0x{expected:x2}");
        }
    }
}
