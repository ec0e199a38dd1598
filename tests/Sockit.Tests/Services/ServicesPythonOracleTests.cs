using System.Text.Json;
using Sockit.Services;
using Sockit.Testing;

namespace Sockit.Tests.Services;

/// <summary>
/// Every name, alias and port of a services file, asked of python3's getservbyname/getservbyport (glibc) and of
/// <see cref="ServicesDatabase"/>, with and without a protocol: the answers must be the same.
/// </summary>
public sealed class ServicesPythonOracleTests
{
    // Prints one JSON line per query: [kind, key, proto, answer-or-null]. Reads the queries from the file itself.
    private const string OracleScript = """
        import json, socket, sys
        path = sys.argv[1] if len(sys.argv) > 1 else '/etc/services'
        names, ports, protos = set(), set(), set()
        for line in open(path, encoding='utf-8', errors='replace'):
            fields = line.split('#', 1)[0].split()
            if len(fields) < 2 or '/' not in fields[1]:
                continue
            port, _, proto = fields[1].partition('/')
            protos.add(proto)
            names.update(f for f in [fields[0]] + fields[2:])
            if port.isdigit() and int(port) <= 65535:
                ports.add(int(port))
        out = []
        for name in sorted(names):
            for proto in [None] + sorted(protos):
                try: answer = socket.getservbyname(name, proto) if proto else socket.getservbyname(name)
                except OSError: answer = None
                out.append(['name', name, proto, answer])
        for port in sorted(ports):
            for proto in [None] + sorted(protos):
                try: answer = socket.getservbyport(port, proto) if proto else socket.getservbyport(port)
                except OSError: answer = None
                out.append(['port', port, proto, answer])
        print(json.dumps(out))
        """;

    [Fact]
    public async Task EveryEntryOfEtcServices_MatchesPython()
    {
        if (!File.Exists("/etc/services"))
        {
            Peers.Unavailable("this machine has no /etc/services");
        }
        var expected = await Python.RunAsync(OracleScript);
        AssertSameAnswers(ServicesDatabase.LoadFile("/etc/services"), expected);
    }

    [Fact]
    public async Task HandWrittenFileOverEtcServices_MatchesPython()
    {
        // Odd but legal lines: duplicate ports (first wins), a name reused across protocols, tabs, aliases, a
        // comment glued to an alias, hex and octal ports, a port that wraps past 65535, and malformed lines.
        const string services = """
            # test services
            alpha		1000/tcp	a1 a2
            beta		1000/tcp	b1
            alpha		1001/udp
            gamma 1002/udp g1#comment
            delta	0x3ea/tcp
            epsilon 01753/tcp
            wrap 66538/tcp
            broken
            also broken 12/
            zeta 1003/sctp z1
            http 80/tcp www
            """;
        var file = Path.Combine(Path.GetTempPath(), $"sockit-services-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, services, TestContext.Current.CancellationToken);
        try
        {
            var python = Peers.Require("python3");
            var result = await MountNamespace.RunAsync(
                $"mount --bind {MountNamespace.Quote(file)} /etc/services && exec {MountNamespace.Quote(python)} -c {MountNamespace.Quote(OracleScript)}");
            Assert.True(result.ExitCode == 0, result.Stderr);
            AssertSameAnswers(ServicesDatabase.LoadFile(file), result.Stdout);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void AssertSameAnswers(ServicesDatabase database, string pythonJson)
    {
        using var document = JsonDocument.Parse(pythonJson);
        var checkedCount = 0;
        foreach (var query in document.RootElement.EnumerateArray())
        {
            var kind = query[0].GetString();
            var proto = query[2].ValueKind == JsonValueKind.Null ? null : query[2].GetString();
            var answer = query[3];
            if (kind == "name")
            {
                var name = query[1].GetString()!;
                var entry = database.FindByName(name, proto);
                var expected = answer.ValueKind == JsonValueKind.Null ? (int?)null : answer.GetInt32();
                Assert.True(expected == entry?.Port, $"getservbyname({name}, {proto}): python {expected}, sockit {entry?.Port}");
            }
            else
            {
                var port = query[1].GetInt32();
                var entry = database.FindByPort(port, proto);
                var expected = answer.ValueKind == JsonValueKind.Null ? null : answer.GetString();
                Assert.True(expected == entry?.Name, $"getservbyport({port}, {proto}): python {expected}, sockit {entry?.Name}");
            }
            checkedCount++;
        }
        Assert.True(checkedCount > 10, $"only {checkedCount} queries were compared");
    }
}
