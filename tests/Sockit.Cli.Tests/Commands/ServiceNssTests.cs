using System.Text;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Commands;

/// <summary>
/// <c>sockit service</c> without <c>--file</c> answers as glibc's NSS does, so as Python does: in a private mount
/// namespace with a services file and an nsswitch.conf of the test's own bind-mounted over the machine's, python3
/// there is the oracle.
/// </summary>
public sealed class ServiceNssTests
{
    private const string Services = "big 4294967297/tcp\nplus +1005/tcp\nnoproto 1002/\nnoslash 1004\n"
        + "minus0 -0/tcp\nmax32 4294967295/tcp\ncr 1010/tcp\rcra\nboth 1011/tcp/x\nhex 0X3F5/tcp\nlast 1015/udp a b\tc\n";

    private static readonly string[] s_queries =
    [
        "big", "plus", "noproto", "noslash", "minus0", "max32", "cr", "cra", "both", "hex", "last", "c", "1", "1002", "1004", "1005", "1015", "65535",
    ];

    [Fact]
    public async Task ServicesFromNsswitch_MatchPython()
    {
        var results = await RunAsync(Services, "services: files\n");
        Assert.True(results.Count(r => r.Python != "ERROR") > 10, "python found too few: the file did not take");
        foreach (var (query, python, sockit) in results)
        {
            Assert.True(python == sockit, $"service {query}: python {python}, sockit {sockit}");
        }
    }

    [Fact]
    public async Task NsswitchWithoutFiles_FindsNothing_AsPython()
    {
        // nsswitch.conf names a source that is not there: glibc (and so Python) finds nothing, even with the file in place.
        var results = await RunAsync(Services, "services: db\n");
        foreach (var (query, python, sockit) in results)
        {
            Assert.Equal("ERROR", python);
            Assert.True(sockit == "ERROR", $"service {query}: python finds nothing, sockit {sockit}");
        }
    }

    private static async Task<List<(string Query, string Python, string Sockit)>> RunAsync(string services, string nsswitch)
    {
        var python = Peers.Require("python3");
        var directory = Directory.CreateTempSubdirectory("sockit-nss-");
        try
        {
            var servicesPath = Path.Combine(directory.FullName, "services");
            var nsswitchPath = Path.Combine(directory.FullName, "nsswitch.conf");
            await File.WriteAllTextAsync(servicesPath, services, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(nsswitchPath, nsswitch, TestContext.Current.CancellationToken);
            var script = new StringBuilder($"mount --bind {MountNamespace.Quote(servicesPath)} /etc/services && mount --bind {MountNamespace.Quote(nsswitchPath)} /etc/nsswitch.conf || exit 99\n");
            foreach (var query in s_queries)
            {
                var call = query.All(char.IsAsciiDigit) ? $"socket.getservbyport({query})" : $"socket.getservbyname('{query}')";
                var pythonScript = $"import socket\ntry: print(repr({call}))\nexcept OSError: print('ERROR')";
                script.Append($"{MountNamespace.Quote(python)} -c {MountNamespace.Quote(pythonScript)}\n");
                script.Append($"{Cli.ShellCommand} service {query} --format python 2>/dev/null || echo ERROR\n");
            }
            var result = await MountNamespace.RunAsync(script.ToString(), TimeSpan.FromSeconds(120));
            Assert.True(result.ExitCode == 0, result.Stderr);
            var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2 * s_queries.Length, lines.Length);
            return [.. s_queries.Select((q, i) => (q, lines[2 * i], lines[(2 * i) + 1]))];
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
