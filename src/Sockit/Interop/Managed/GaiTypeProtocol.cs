namespace Sockit.Interop.Managed;

/// <summary>
/// One row of glibc's <c>gaih_inet_typeproto</c> table: a socket type, its protocol, and the protocol name the services
/// database is asked under. getaddrinfo builds its entries from these rows; <see cref="ManagedAddressInfo"/> follows it.
/// </summary>
/// <param name="SocketType">SOCK_ number (.NET's and Linux's agree).</param>
/// <param name="Protocol">IPPROTO_ number.</param>
/// <param name="Name">The protocol's name in the services database.</param>
/// <param name="AnyProtocol">The row takes whatever protocol was asked for (raw sockets).</param>
/// <param name="NoService">The row takes no service (raw sockets have no ports).</param>
/// <param name="Default">Listed when neither a type nor a protocol was asked for.</param>
internal sealed record GaiTypeProtocol(int SocketType, int Protocol, string Name, bool AnyProtocol = false, bool NoService = false, bool Default = false)
{
    /// <summary>glibc's rows, in its order (the order decides which row a type or protocol alone picks).</summary>
    public static IReadOnlyList<GaiTypeProtocol> Table { get; } =
    [
        new(1, 6, "tcp", Default: true),
        new(2, 17, "udp", Default: true),
        new(6, 33, "dccp"),
        new(2, 136, "udplite"),
        new(1, 132, "sctp"),
        new(5, 132, "sctp"),
        new(3, 0, "raw", AnyProtocol: true, NoService: true, Default: true),
    ];

    /// <summary>Whether this row serves a request for <paramref name="socketType"/> and <paramref name="protocol"/> (0: any).</summary>
    public bool Serves(int socketType, int protocol) =>
        (socketType == 0 || socketType == SocketType) && (protocol == 0 || AnyProtocol || protocol == Protocol);

    /// <summary>The protocol an entry from this row carries.</summary>
    public int ProtocolFor(int requested) => AnyProtocol ? requested : Protocol;
}
