using System.Net.Sockets;
using System.Text.Json;
using Sockit.Interop.Managed;
using Sockit.Naming;
using Sockit.Testing;

namespace Sockit.Tests.Naming;

/// <summary>
/// getaddrinfo over every combination of family, type, protocol, service and flags, asked of python3 (glibc) and of
/// <see cref="HostResolver"/> on this machine: the same entries in the same order, or the same error. Only lookups
/// answered from /etc/hosts or numerically (names: localhost with AF_UNSPEC and AF_INET, which every hosts file
/// answers; address literals: any family), so nothing is sent to a DNS server. Not this machine's own name, which may
/// be in no hosts file: getaddrinfo on it is compared in a namespace with a known hosts file (Sockit.Cli.Tests'
/// ResolveHostsFileTests). Both platforms answer the whole matrix: glibc, and the portable one chosen explicitly
/// (<see cref="ManagedSocketPlatform"/>: .NET's resolver, the services file and glibc's rules), which must agree on all of it.
/// </summary>
public sealed class GetAddrInfoPythonOracleTests
{
    // Prints one JSON array: per query [host, service, family, type, proto, flags, result], result being
    // ["ok", [[family, type, proto, canonname, host, port(, flowinfo, scope_id)], ...]] or ["error", strerror].
    private const string OracleScript = """
        import json, socket
        hosts = [('localhost', False), ('127.0.0.1', True), ('::1', True), ('fe80::1%lo', True)]
        out = []
        for host, numeric in hosts:
            families = [0, socket.AF_INET] + ([socket.AF_INET6] if numeric else [])
            for service in [None, 'http', '443', 'domain', 'nosuchservice']:
                for family in families:
                    for kind in [0, socket.SOCK_STREAM, socket.SOCK_DGRAM, socket.SOCK_RAW]:
                        for proto in [0, socket.IPPROTO_TCP, socket.IPPROTO_UDP]:
                            for flags in [0, socket.AI_CANONNAME, socket.AI_PASSIVE, socket.AI_CANONNAME | socket.AI_PASSIVE, socket.AI_NUMERICHOST]:
                                try:
                                    entries = socket.getaddrinfo(host, service, family, kind, proto, flags)
                                    result = ['ok', [[int(f), int(t), p, c, *a] for f, t, p, c, a in entries]]
                                except socket.gaierror as e:
                                    result = ['error', e.strerror]
                                out.append([host, service, int(family), int(kind), int(proto), int(flags), result])
        print(json.dumps(out))
        """;

    [Theory]
    [InlineData("glibc")]
    [InlineData("managed")]
    public async Task GetAddrInfo_EveryCombinationOnLocalNames_MatchesPython(string platform)
    {
        var resolve = Resolver(platform);
        var expected = await Python.RunAsync(OracleScript, TimeSpan.FromSeconds(30));
        using var document = JsonDocument.Parse(expected);
        var compared = 0;
        var errors = 0;
        foreach (var query in document.RootElement.EnumerateArray())
        {
            var host = query[0].GetString()!;
            var service = query[1].ValueKind == JsonValueKind.Null ? null : query[1].GetString();
            var family = Sockit.Sockets.SocketConstants.FamilyFromOsNumber(query[2].GetInt32());
            var type = query[3].GetInt32() == 0 ? (SocketType?)null : (SocketType)query[3].GetInt32();
            var proto = (ProtocolType)query[4].GetInt32();
            var flags = FromPythonFlags(query[5].GetInt32());
            var result = query[6];
            var call = $"getaddrinfo({host}, {service ?? "None"}, {query[2]}, {query[3]}, {query[4]}, {query[5]})";

            if (result[0].GetString() == "error")
            {
                var e = Assert.Throws<LookupException>(() => { resolve(host, service, family, type, proto, flags); });
                Assert.True(e.Message.EndsWith(": " + result[1].GetString(), StringComparison.Ordinal), $"{call}: python '{result[1]}', sockit '{e.Message}'");
                errors++;
            }
            else
            {
                var actual = resolve(host, service, family, type, proto, flags)
                    .Select(i => $"{Sockit.Sockets.SocketConstants.ToOsNumber(i.Family)} {(int)i.SocketType} {(int)i.Protocol} '{i.CanonicalName}' {SockAddr(i)}");
                var wanted = result[1].EnumerateArray()
                    .Select(e => $"{e[0]} {e[1]} {e[2]} '{e[3].GetString()}' {string.Join(' ', e.EnumerateArray().Skip(4).Select(Item))}");
                Assert.True(wanted.SequenceEqual(actual), $"{call}:\npython {string.Join(" | ", wanted)}\nsockit {string.Join(" | ", actual)}");
            }
            compared++;
        }
        Assert.True(compared > 1000, $"only {compared} queries compared");
        Assert.True(errors > 10 && errors < compared, $"{errors} of {compared} queries failed: the matrix should hold both answers and errors");
    }

    private delegate IReadOnlyList<AddressInfo> GetAddrInfo(string host, string? service, AddressFamily family, SocketType? type, ProtocolType proto, AddressInfoFlags flags);

    // glibc through the public API (this machine has glibc); the managed platform asked directly, with its own numbers.
    private static GetAddrInfo Resolver(string platform)
    {
        if (platform == "glibc")
        {
            return (host, service, family, type, proto, flags) => HostResolver.GetAddrInfo(host, service, family, type, proto, flags);
        }
        var managed = new ManagedSocketPlatform();
        return (host, service, family, type, proto, flags) =>
            [.. managed.GetAddrInfo(host, service, managed.ToOsFamily(family), type is { } t ? (int)t : 0, (int)proto, (int)flags).Select(AddressInfo.From)];
    }

    // Python's sockaddr: (host, port) or (host, port, flowinfo, scope_id), the IPv6 host without its %scope.
    private static string SockAddr(AddressInfo info) => info.Family == AddressFamily.InterNetworkV6
        ? $"{info.EndPoint.Address.ToString().Split('%')[0]} {info.EndPoint.Port} {info.FlowInfo} {info.EndPoint.Address.ScopeId}"
        : $"{info.EndPoint.Address} {info.EndPoint.Port}";

    private static string Item(JsonElement item) => item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText();

    private static AddressInfoFlags FromPythonFlags(int flags) =>
        ((flags & 1) != 0 ? AddressInfoFlags.Passive : 0)
        | ((flags & 2) != 0 ? AddressInfoFlags.CanonicalName : 0)
        | ((flags & 4) != 0 ? AddressInfoFlags.NumericHost : 0);
}
