namespace Sockit.Interop.Managed;

/// <summary>
/// The constants <see cref="ManagedSocketPlatform"/> lists, numbered as .NET's enums number them: the families .NET's
/// sockets support on every OS (<c>AF_INET6</c> is 23, Windows' number), the BSD socket types, and the IANA protocol
/// numbers .NET's <see cref="System.Net.Sockets.ProtocolType"/> names (the same on every OS).
/// </summary>
internal static class ManagedConstants
{
    public static OsConstantTable Build()
    {
        OsConstant[] families = [new("AF_UNSPEC", 0), new("AF_UNIX", 1), new("AF_INET", 2), new("AF_INET6", 23)];
        OsConstant[] types =
        [
            new("SOCK_STREAM", 1), new("SOCK_DGRAM", 2), new("SOCK_RAW", 3), new("SOCK_RDM", 4), new("SOCK_SEQPACKET", 5),
        ];
        OsConstant[] protocols =
        [
            new("IPPROTO_IP", 0), new("IPPROTO_HOPOPTS", 0), new("IPPROTO_ICMP", 1), new("IPPROTO_IGMP", 2), new("IPPROTO_GGP", 3),
            new("IPPROTO_IPV4", 4), new("IPPROTO_TCP", 6), new("IPPROTO_PUP", 12), new("IPPROTO_UDP", 17), new("IPPROTO_IDP", 22),
            new("IPPROTO_IPV6", 41), new("IPPROTO_ROUTING", 43), new("IPPROTO_FRAGMENT", 44), new("IPPROTO_ESP", 50),
            new("IPPROTO_AH", 51), new("IPPROTO_ICMPV6", 58), new("IPPROTO_NONE", 59), new("IPPROTO_DSTOPTS", 60),
            new("IPPROTO_ND", 77), new("IPPROTO_RAW", 255),
        ];
        return new OsConstantTable(families, families, types, types, protocols);
    }
}
