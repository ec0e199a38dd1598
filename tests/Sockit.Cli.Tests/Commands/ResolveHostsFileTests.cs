using System.Text;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Commands;

/// <summary>
/// <c>sockit resolve</c> and <c>sockit host</c> against python3 on names from a hosts file of this test's own, with
/// aliases and both address families: bind-mounted over /etc/hosts in a private mount namespace, with an
/// nsswitch.conf that reads only files (so unknown names never reach a DNS server), and a host name of its own
/// (<c>unshare -u</c>). Each case runs sockit as a process and Python in the same namespace.
/// </summary>
public sealed class ResolveHostsFileTests
{
    private const string Hosts = """
        127.0.0.1	localhost
        ::1	localhost ip6-localhost ip6-loopback
        127.0.0.10	alpha.sockit.test alpha a-alias
        127.0.0.11	alpha.sockit.test alpha
        ::10	alpha.sockit.test alpha
        ::20	beta.sockit.test beta
        127.0.0.30	gamma.sockit.test gamma
        fe80::1%lo	scoped.sockit.test scoped

        """;

    // sockit's arguments, and the Python expression whose repr it must print.
    private static readonly (string Args, string Python)[] s_cases =
    [
        ("resolve alpha.sockit.test", "socket.gethostbyname('alpha.sockit.test')"),
        ("resolve alpha --ex", "socket.gethostbyname_ex('alpha')"),
        ("resolve a-alias --ex", "socket.gethostbyname_ex('a-alias')"),
        ("resolve alpha --family any", "socket.getaddrinfo('alpha', None)"),
        ("resolve alpha --family inet6 --type stream", "socket.getaddrinfo('alpha', None, socket.AF_INET6, socket.SOCK_STREAM)"),
        ("resolve alpha --service domain --proto udp --canonical", "socket.getaddrinfo('alpha', 'domain', 0, 0, socket.IPPROTO_UDP, socket.AI_CANONNAME)"),
        ("resolve a-alias --family inet --type raw --proto 47 --canonical", "socket.getaddrinfo('a-alias', None, socket.AF_INET, socket.SOCK_RAW, 47, socket.AI_CANONNAME)"),
        ("resolve localhost --family any --type dgram", "socket.getaddrinfo('localhost', None, 0, socket.SOCK_DGRAM)"),
        ("resolve --service 8080 --passive --family inet6", "socket.getaddrinfo(None, '8080', socket.AF_INET6, 0, 0, socket.AI_PASSIVE)"),
        ("resolve --service domain --type dgram", "socket.getaddrinfo(None, 'domain', 0, socket.SOCK_DGRAM)"),
        ("resolve beta --family any --service 443", "socket.getaddrinfo('beta', 443)"),
        ("resolve 127.0.0.10 --reverse", "socket.gethostbyaddr('127.0.0.10')"),
        ("resolve ::10 --reverse", "socket.gethostbyaddr('::10')"),
        ("resolve gamma --reverse", "socket.gethostbyaddr('gamma')"),
        // The host's own name (hostname alpha in this namespace), as the lesson asks it.
        ("resolve alpha --ex", "socket.gethostbyname_ex(socket.gethostname())"),
        ("resolve alpha --service http --canonical", "socket.getaddrinfo(socket.gethostname(), 'http', flags=socket.AI_CANONNAME)"),
        ("resolve alpha --reverse", "socket.gethostbyaddr(socket.gethostname())"),
        // Failures: the resolver's own reason, exit 68.
        ("resolve nope.sockit.test", "socket.gethostbyname('nope.sockit.test')"),
        ("resolve beta", "socket.gethostbyname('beta')"),
        ("resolve beta --ex", "socket.gethostbyname_ex('beta')"),
        ("resolve beta --family inet --type dgram", "socket.getaddrinfo('beta', None, socket.AF_INET, socket.SOCK_DGRAM)"),
        ("resolve alpha --service nosuchservice --family any", "socket.getaddrinfo('alpha', 'nosuchservice')"),
        ("resolve 127.0.0.99 --reverse", "socket.gethostbyaddr('127.0.0.99')"),
        ("resolve nope --reverse", "socket.gethostbyaddr('nope')"),
        // glibc's hosts-file parser takes no %scope: the line is skipped, for Python and sockit alike.
        ("resolve scoped.sockit.test --family inet6 --type stream", "socket.getaddrinfo('scoped.sockit.test', None, socket.AF_INET6, socket.SOCK_STREAM)"),
    ];

    [Fact]
    public async Task Resolve_HostsFileWithAliasesAndBothFamilies_PrintsWhatPythonPrints()
    {
        var results = await RunInNamespaceAsync(s_cases.Select(c => (c.Args + " --format python", c.Python)).ToList());
        var failures = 0;
        for (var i = 0; i < s_cases.Length; i++)
        {
            var (args, python) = s_cases[i];
            var (pythonOut, sockitOut, sockitErr, sockitCode) = results[i];
            if (pythonOut.StartsWith("ERROR ", StringComparison.Ordinal))
            {
                var reason = pythonOut["ERROR ".Length..].TrimEnd('\n');
                // CPython's gethostbyaddr and gethostbyname_ex call the _r functions but report the global h_errno,
                // which those leave at 0; sockit reports the h_errno the call returned.
                reason = reason == "Resolver Error 0 (no error)" ? "Unknown host" : reason;
                Assert.True(sockitCode == 68, $"sockit {args}: exit {sockitCode}, expected 68 ({python} fails: {reason}); stderr {sockitErr}");
                // One line: what failed, the resolver's reason, and what to try in parentheses.
                Assert.Matches($@"^sockit: [^\n]*: {System.Text.RegularExpressions.Regex.Escape(reason)} \([^\n]+\)\n$", sockitErr);
                Assert.Empty(sockitOut);
                failures++;
            }
            else
            {
                Assert.True(sockitCode == 0, $"sockit {args}: exit {sockitCode}: {sockitErr}");
                Assert.True(pythonOut == sockitOut, $"sockit {args}\npython: {pythonOut}\nsockit: {sockitOut}");
            }
        }
        Assert.Equal(8, failures);
    }

    [Fact]
    public async Task Host_OwnNameFromHostsFile_PrintsWhatPythonPrints()
    {
        var python = "(socket.gethostname(), socket.gethostbyname(socket.gethostname()), socket.getfqdn(), sorted(socket.if_nameindex()))";
        var results = await RunInNamespaceAsync([("host --format python", python), ("host", "0")]);
        var (pythonOut, sockitOut, sockitErr, sockitCode) = results[0];
        Assert.True(sockitCode == 0, sockitErr);
        // Python's one tuple is sockit's four lines.
        var lines = sockitOut.TrimEnd('\n').Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.Equal(pythonOut.TrimEnd('\n'), $"({lines[0]}, {lines[1]}, {lines[2]}, {lines[3]})");
        Assert.StartsWith("('alpha', '127.0.0.10', 'alpha.sockit.test', [(1, 'lo')", pythonOut, StringComparison.Ordinal);

        var text = results[1].SockitOut;
        Assert.Contains("host name  alpha\n", text, StringComparison.Ordinal);
        Assert.Contains("address    127.0.0.10\n", text, StringComparison.Ordinal);
        Assert.Contains("fqdn       alpha.sockit.test\n", text, StringComparison.Ordinal);
        Assert.Matches(@"\n\s+1 lo\s+up\s+127\.0\.0\.1", text);
    }

    [Fact]
    public async Task Host_OwnNameNotResolvable_SaysWhyAndStillSucceeds()
    {
        var results = await RunInNamespaceAsync([("host", "0"), ("host --format python", "0")], hostName: "unlisted");
        Assert.Equal(0, results[0].SockitCode);
        Assert.Contains("address    (none: cannot resolve 'unlisted': Name or service not known)\n", results[0].SockitOut, StringComparison.Ordinal);
        Assert.StartsWith("'unlisted'\nNone\n'unlisted'\n", results[1].SockitOut, StringComparison.Ordinal);
    }

    /// <summary>
    /// Runs each (sockit args, Python expression) in one namespace with this class's hosts file; returns Python's repr
    /// (or ERROR reason) and sockit's output. <paramref name="environment"/> (<c>NAME=value </c>) goes before sockit's command.
    /// </summary>
    internal static async Task<List<(string PythonOut, string SockitOut, string SockitErr, int SockitCode)>> RunInNamespaceAsync(
        IReadOnlyList<(string Args, string Python)> cases, string hostName = "alpha", string environment = "")
    {
        var python = Peers.Require("python3");
        var directory = Directory.CreateTempSubdirectory("sockit-hosts-");
        try
        {
            var hosts = Path.Combine(directory.FullName, "hosts");
            var nsswitch = Path.Combine(directory.FullName, "nsswitch.conf");
            await File.WriteAllTextAsync(hosts, Hosts.ReplaceLineEndings("\n"), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(nsswitch, "hosts: files\nservices: files\nprotocols: files\n", TestContext.Current.CancellationToken);
            var script = new StringBuilder()
                .Append($"mount --bind {MountNamespace.Quote(hosts)} /etc/hosts && mount --bind {MountNamespace.Quote(nsswitch)} /etc/nsswitch.conf && hostname {hostName} || exit 99\n");
            for (var i = 0; i < cases.Count; i++)
            {
                var pythonScript = $"import socket\ntry: print(repr({cases[i].Python}))\nexcept OSError as e: print('ERROR ' + e.strerror)";
                var dir = MountNamespace.Quote(directory.FullName);
                script.Append($"{MountNamespace.Quote(python)} -c {MountNamespace.Quote(pythonScript)} > {dir}/py{i}\n");
                script.Append($"{environment}{Cli.ShellCommand} {cases[i].Args} > {dir}/out{i} 2> {dir}/err{i}; echo $? > {dir}/rc{i}\n");
            }
            // A private UTS namespace inside the mount namespace, so `hostname` changes this script's host name only.
            var unshare = Peers.Require("unshare");
            var result = await MountNamespace.RunAsync($"exec {MountNamespace.Quote(unshare)} -u sh -c {MountNamespace.Quote(script.ToString())}", TimeSpan.FromSeconds(60));
            Assert.True(result.ExitCode == 0, $"namespace script failed ({result.ExitCode}): {result.Stderr}");
            var results = new List<(string, string, string, int)>();
            for (var i = 0; i < cases.Count; i++)
            {
                string Read(string name) => File.ReadAllText(Path.Combine(directory.FullName, $"{name}{i}"));
                results.Add((Read("py"), Read("out"), Read("err"), int.Parse(Read("rc").Trim(), System.Globalization.CultureInfo.InvariantCulture)));
            }
            return results;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
