using System.Net.Sockets;

namespace Sockit.Cli.Tests.Commands;

/// <summary>
/// sockit on the portable platform, chosen with <c>SOCKIT_PLATFORM=managed</c> (as where glibc is not), against python3
/// (glibc) on <see cref="ResolveHostsFileTests"/>' hosts file in a private namespace: the same answers where the
/// README says they agree, and exactly the documented differences where it says they do not (no aliases; .NET's
/// number for AF_INET6).
/// </summary>
public sealed class ManagedPlatformTests
{
    private const string Managed = "SOCKIT_PLATFORM=managed ";

    // sockit's arguments, and the Python expression whose repr it must print. Names other than the host's own (alpha),
    // for which .NET adds the machine's interface addresses (documented).
    private static readonly (string Args, string Python)[] s_same =
    [
        ("resolve alpha.sockit.test", "socket.gethostbyname('alpha.sockit.test')"),
        ("resolve gamma --family inet --service 8080", "socket.getaddrinfo('gamma', 8080, socket.AF_INET)"),
        ("resolve gamma --family inet --service domain --proto udp --canonical", "socket.getaddrinfo('gamma', 'domain', socket.AF_INET, 0, socket.IPPROTO_UDP, socket.AI_CANONNAME)"),
        ("resolve gamma --family inet --type raw --proto 47 --canonical", "socket.getaddrinfo('gamma', None, socket.AF_INET, socket.SOCK_RAW, 47, socket.AI_CANONNAME)"),
        ("resolve --service domain --type dgram --family inet", "socket.getaddrinfo(None, 'domain', socket.AF_INET, socket.SOCK_DGRAM)"),
        ("resolve 127.0.0.1 --service 8080 --family inet", "socket.getaddrinfo('127.0.0.1', 8080, socket.AF_INET)"),
        ("service http", "socket.getservbyname('http')"),
        // This machine's own name and interfaces.
        ("host", "(socket.gethostname(), socket.gethostbyname(socket.gethostname()), socket.getfqdn(), sorted(socket.if_nameindex()))"),
        // Failures: the same reason, exit 68.
        ("resolve nope.sockit.test", "socket.gethostbyname('nope.sockit.test')"),
        ("resolve gamma --service nosuchservice --family inet", "socket.getaddrinfo('gamma', 'nosuchservice', socket.AF_INET)"),
    ];

    // What the portable path documents it cannot say: the expression gives Python's answer as the portable path words it.
    private static readonly (string Args, string Python)[] s_documented =
    [
        // No aliases from gethostbyname_ex or gethostbyaddr.
        ("resolve a-alias --ex", "(lambda n, a, i: (n, [], i))(*socket.gethostbyname_ex('a-alias'))"),
        ("resolve 127.0.0.10 --reverse", "(lambda n, a, i: (n, [], i))(*socket.gethostbyaddr('127.0.0.10'))"),
        // Each address once: this hosts file gives glibc 127.0.0.1 twice for localhost (its ::1 line too), .NET once.
        ("resolve localhost --family inet --type stream", "socket.getaddrinfo('localhost', None, socket.AF_INET, socket.SOCK_STREAM)[:1]"),
        // AF_INET6 numbered as .NET numbers it.
        ("resolve beta --family inet6 --type stream", $"repr(socket.getaddrinfo('beta', None, socket.AF_INET6, socket.SOCK_STREAM)).replace('AF_INET6: 10>', 'AF_INET6: {(int)AddressFamily.InterNetworkV6}>')"),
    ];

    [Fact]
    public async Task Resolve_ManagedPlatform_PrintsWhatPythonPrints()
    {
        var cases = s_same.Select(c => (c.Args + " --format python", c.Python)).ToList();
        var results = await ResolveHostsFileTests.RunInNamespaceAsync(cases, environment: Managed);
        var failures = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var (pythonOut, sockitOut, sockitErr, sockitCode) = results[i];
            if (pythonOut.StartsWith("ERROR ", StringComparison.Ordinal))
            {
                var reason = pythonOut["ERROR ".Length..].TrimEnd('\n');
                Assert.True(sockitCode == 68, $"sockit {cases[i].Item1}: exit {sockitCode}, expected 68 ({reason}); stderr {sockitErr}");
                Assert.Matches($@"^sockit: [^\n]*: {System.Text.RegularExpressions.Regex.Escape(reason)} \([^\n]+\)\n$", sockitErr);
                failures++;
            }
            else if (cases[i].Item1.StartsWith("host ", StringComparison.Ordinal))
            {
                // Python's one tuple is sockit's four lines.
                Assert.True(sockitCode == 0, sockitErr);
                var lines = sockitOut.TrimEnd('\n').Split('\n');
                Assert.Equal(pythonOut.TrimEnd('\n'), $"({string.Join(", ", lines)})");
            }
            else
            {
                Assert.True(sockitCode == 0, $"sockit {cases[i].Item1}: exit {sockitCode}: {sockitErr}");
                Assert.True(pythonOut == sockitOut, $"sockit {cases[i].Item1}\npython: {pythonOut}\nsockit: {sockitOut}");
            }
        }
        Assert.Equal(2, failures);
    }

    [Fact]
    public async Task Resolve_ManagedPlatform_DiffersOnlyAsDocumented()
    {
        var cases = s_documented.Select(c => (c.Args + " --format python", c.Python)).ToList();
        var results = await ResolveHostsFileTests.RunInNamespaceAsync(cases, environment: Managed);
        var glibc = await ResolveHostsFileTests.RunInNamespaceAsync(cases);
        for (var i = 0; i < cases.Count; i++)
        {
            var (pythonOut, sockitOut, sockitErr, sockitCode) = results[i];
            Assert.True(sockitCode == 0, $"sockit {cases[i].Item1}: exit {sockitCode}: {sockitErr}");
            // The repr of a str is quoted; the tuples are not.
            Assert.True(pythonOut.Trim('\n', '"', '\'') == sockitOut.TrimEnd('\n'), $"sockit {cases[i].Item1}\npython: {pythonOut}\nsockit: {sockitOut}");
            // And glibc's path does say it: the difference is the platform's.
            Assert.NotEqual(sockitOut, glibc[i].SockitOut);
        }
    }
}
