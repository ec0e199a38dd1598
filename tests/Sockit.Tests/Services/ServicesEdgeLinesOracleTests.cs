using System.Text.Json;
using Sockit.Services;
using Sockit.Testing;

namespace Sockit.Tests.Services;

/// <summary>
/// Lines glibc reads in its own way (a sign, numbers past 16 and 32 bits, an empty or missing protocol, a NUL, CR
/// and VT as blanks), in a file bind-mounted over /etc/services in a private mount namespace: python3's
/// getservbyname/getservbyport (glibc) there are the oracle for <see cref="ServicesDatabase.LoadFile"/> on the same file.
/// </summary>
public sealed class ServicesEdgeLinesOracleTests
{
    private const string Services = "big 4294967297/tcp\nplus +1005/tcp\nnoproto 1002/\nnoslash 1004\nneg -1/tcp\n"
        + "minus0 -0/tcp\nmax32 4294967295/tcp\nover32 4294967296/tcp\nab\0c 1006/tcp\nnulafter 1007/tcp\0junk\n"
        + "gap 1008 /tcp\nsep\v1009/tcp\ncr 1010/tcp\rcra\nboth 1011/tcp/x\nhuge 99999999999999999999999/tcp\n"
        + "bad8 09/tcp\nhex 0X3F5/tcp\nhexnothing 0x/tcp\ntrailing 1013 \ncommented 1014 # note\nlast 1015/udp a b\tc\n";

    private static readonly string[] s_names =
    [
        "big", "plus", "noproto", "noslash", "neg", "minus0", "max32", "over32", "ab", "ab\0c", "abc", "nulafter", "gap",
        "sep", "cr", "cra", "both", "huge", "bad8", "hex", "hexnothing", "trailing", "commented", "last", "a", "b", "c",
    ];

    private static readonly int[] s_ports = [0, 1, 1002, 1004, 1005, 1006, 1007, 1008, 1009, 1010, 1011, 1013, 1014, 1015, 65535];

    private static readonly string?[] s_protocols = [null, "tcp", "udp", "", "tcp/x"];

    // Answers every query of argv[1] (JSON: names, ports, protocols) with glibc, one JSON list.
    private const string OracleScript = """
        import json, socket, sys
        names, ports, protos = json.loads(sys.argv[1])
        out = []
        for name in names:
            for proto in protos:
                try: answer = socket.getservbyname(name, proto) if proto is not None else socket.getservbyname(name)
                except (OSError, ValueError): answer = None
                out.append(answer)
        for port in ports:
            for proto in protos:
                try: answer = socket.getservbyport(port, proto) if proto is not None else socket.getservbyport(port)
                except (OSError, ValueError): answer = None
                out.append(answer)
        print(json.dumps(out))
        """;

    [Fact]
    public async Task EdgeLines_AnswerAsGlibcDoes()
    {
        Peers.RequireRoot();
        var python = Peers.Require("python3");
        var file = Path.Combine(Path.GetTempPath(), $"sockit-edge-services-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(file, Services, TestContext.Current.CancellationToken);
        try
        {
            var queries = JsonSerializer.Serialize(new object[] { s_names, s_ports, s_protocols });
            var result = await MountNamespace.RunAsync(
                $"mount --bind {MountNamespace.Quote(file)} /etc/services && exec {MountNamespace.Quote(python)} -c {MountNamespace.Quote(OracleScript)} {MountNamespace.Quote(queries)}");
            Assert.True(result.ExitCode == 0, result.Stderr);
            using var answers = JsonDocument.Parse(result.Stdout);
            var database = ServicesDatabase.LoadFile(file);

            var i = 0;
            var differences = new List<string>();
            var found = 0;
            foreach (var name in s_names)
            {
                foreach (var proto in s_protocols)
                {
                    var answer = answers.RootElement[i++];
                    int? expected = answer.ValueKind == JsonValueKind.Null ? null : answer.GetInt32();
                    // Python refuses a name with a NUL before asking (ValueError): sockit has no entry by that name either.
                    var actual = database.FindByName(name, proto)?.Port;
                    found += expected is null ? 0 : 1;
                    if (expected != actual)
                    {
                        differences.Add($"getservbyname({Show(name)}, {Show(proto)}): python {expected}, sockit {actual}");
                    }
                }
            }
            foreach (var port in s_ports)
            {
                foreach (var proto in s_protocols)
                {
                    var answer = answers.RootElement[i++];
                    var expected = answer.ValueKind == JsonValueKind.Null ? null : answer.GetString();
                    var actual = database.FindByPort(port, proto)?.Name;
                    if (expected != actual)
                    {
                        differences.Add($"getservbyport({port}, {Show(proto)}): python {expected}, sockit {Show(actual)}");
                    }
                }
            }
            Assert.Empty(differences);
            Assert.True(found > 20, $"python found only {found} names: the file did not take");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Show(string? text) => text is null ? "None" : JsonSerializer.Serialize(text);
}
