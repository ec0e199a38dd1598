using System.Globalization;
using System.Text;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Netcat;

/// <summary>
/// Happy Eyeballs end to end, as the issue asks: in a private network namespace (<c>unshare -n</c>: its own loopback,
/// nothing else) and mount namespace (a hosts file of the test's own mapping <c>dual.test</c> to <c>::1</c> then
/// <c>127.0.0.1</c>, files-only nsswitch.conf), a python3 server listens on both addresses of one port, and nftables
/// drops the SYNs to <c>::1</c> on that port, as a broken IPv6 path would. Without Happy Eyeballs the connect would wait
/// out the OS's SYN retries (about two minutes) before trying 127.0.0.1. The oracle for where the bytes arrived is the
/// python3 server's own log.
/// </summary>
public sealed class HappyEyeballsNamespaceTests : IDisposable
{
    private const int Port = 8000;        // the namespace is the test's own: no port can be taken there
    private const int ClosedPort = 8001;  // nothing listens there

    // Accepts on 127.0.0.1 and ::1 (IPv6 only), logs "<client address> <bytes>" for each client, and answers "v4" or
    // "v6"; an HTTP request (GET) gets an HTTP response with that body. Writes "ready" once both listen.
    private const string Server = """
        import socket, sys, threading
        port, log, ready = int(sys.argv[1]), sys.argv[2], sys.argv[3]
        lock = threading.Lock()
        def handle(c, peer, name):
            data = b''
            while True:
                chunk = c.recv(65536)
                if not chunk: break
                data += chunk
                if data.startswith(b'GET ') and b'\r\n\r\n' in data: break
            with lock, open(log, 'a') as f: f.write(f'{peer[0]} {data[:5]!r}\n')
            body = name.encode()
            c.sendall(b'HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n' + body if data.startswith(b'GET ') else body)
            c.close()
        def serve(s, name):
            while True:
                c, peer = s.accept()
                threading.Thread(target=handle, args=(c, peer, name), daemon=True).start()
        v4 = socket.create_server(('127.0.0.1', port))
        v6 = socket.create_server(('::1', port), family=socket.AF_INET6, dualstack_ipv6=False)
        threading.Thread(target=serve, args=(v4, 'v4'), daemon=True).start()
        threading.Thread(target=serve, args=(v6, 'v6'), daemon=True).start()
        open(ready, 'w').write('ready')
        threading.Event().wait()
        """;

    // Whether SYNs to ::1 are dropped: a plain connect that gets no answer within 1 s.
    private const string DropCheck = """
        import socket, sys
        s = socket.socket(socket.AF_INET6)
        s.settimeout(1)
        try:
            s.connect(('::1', int(sys.argv[1])))
            print('connected')
        except socket.timeout:
            print('dropped')
        """;

    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sockit-eyeballs-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task ConnectAndGet_Ipv6DropsSyns_Ipv4WinsWithinASecondAndVerboseShowsBothAttempts()
    {
        var python = Peers.Require("python3");
        var nft = Peers.Require("nft");
        var ip = Peers.Require("ip");
        var unshare = Peers.Require("unshare");
        Peers.RequireRoot();
        string F(string name) => MountNamespace.Quote(Path.Combine(_dir.FullName, name));
        await Write("hosts", "127.0.0.1\tlocalhost\n::1\tdual.test\n127.0.0.1\tdual.test\n");
        await Write("nsswitch.conf", "hosts: files\n");
        await Write("server.py", Server);
        await Write("dropcheck.py", DropCheck);
        var q = MountNamespace.Quote;
        var sockit = Cli.ShellCommand;
        // Each run: stdout, stderr, exit code and wall time in milliseconds (date +%s%3N), each in a file of its own.
        string Run(string name, string arguments) =>
            $"t0=$(date +%s%3N); {sockit} {arguments} > {F(name + ".out")} 2> {F(name + ".err")}; echo $? > {F(name + ".rc")}; echo $(( $(date +%s%3N) - t0 )) > {F(name + ".ms")}\n";
        var script = new StringBuilder()
            .Append($"{q(ip)} link set lo up || exit 97\n")
            .Append($"mount --bind {F("hosts")} /etc/hosts && mount --bind {F("nsswitch.conf")} /etc/nsswitch.conf || exit 98\n")
            .Append($"{q(python)} {F("server.py")} {Port} {F("server.log")} {F("ready")} & server=$!\n")
            .Append($"for i in $(seq 100); do [ -f {F("ready")} ] && break; sleep 0.1; done\n")
            // The control, before any rule: ::1 answers, so the first address wins.
            .Append(Run("control", $"connect -v dual.test {Port} --send x"))
            .Append($"{q(nft)} add table inet sockit_test && {q(nft)} add chain inet sockit_test in '{{ type filter hook input priority 0; }}' "
                + $"&& {q(nft)} add rule inet sockit_test in ip6 daddr ::1 tcp dport {Port} tcp flags syn drop || exit 96\n")
            .Append($"{q(python)} {F("dropcheck.py")} {Port} > {F("dropcheck")}\n")
            .Append(Run("connect", $"connect -v dual.test {Port} --send y"))
            .Append(Run("json", $"connect -v dual.test {Port} --send z --format json"))
            .Append(Run("get", $"get -v http://dual.test:{Port}/"))
            .Append(Run("refused", $"connect -v dual.test {ClosedPort} --send x"))
            .Append("kill $server\n");
        var result = await ProcessRunner.RunAsync(unshare, ["-m", "-n", "--propagation", "private", "sh", "-c", script.ToString()], timeout: TimeSpan.FromSeconds(120));
        Assert.True(result.ExitCode == 0 || result.ExitCode == 143, $"namespace script failed ({result.ExitCode}): {result.Stderr}");
        Assert.Equal("dropped\n", Read("dropcheck"));

        // Control: ::1 answered and won at once; the bytes arrived over IPv6.
        var control = Outcome("control");
        Assert.Equal(0, control.Code);
        Assert.Equal("v6", control.Out);
        Assert.Equal(["resolving dual.test ...", "dual.test is ::1, 127.0.0.1", $"trying ::1 port {Port} ..."], control.Err.Split('\n').Take(3));
        Assert.Matches($@"\nconnected to ::1 port {Port} \(from \[::1\]:\d+\) in [\d.]+ ms\n$", control.Err);

        // ::1 drops SYNs: 127.0.0.1 starts after the attempt delay and wins, well within the 2 min of SYN retries.
        var connect = Outcome("connect");
        Assert.Equal(0, connect.Code);
        Assert.Equal("v4", connect.Out);
        Assert.True(connect.Ms < 2000, $"connect took {connect.Ms} ms");
        var lines = connect.Err.Split('\n');
        Assert.Equal(
            ["resolving dual.test ...", "dual.test is ::1, 127.0.0.1", $"trying ::1 port {Port} ...", $"::1 port {Port}: no answer within 250 ms, trying 127.0.0.1 port {Port} too"],
            lines.Take(4));
        Assert.Matches($@"^connected to 127\.0\.0\.1 port {Port} \(from 127\.0\.0\.1:\d+\) in [\d.]+ ms$", lines[4]);
        Assert.Matches($@"^::1 port {Port}: no answer after \d+ ms, given up: 127\.0\.0\.1 port {Port} connected first$", lines[5]);
        Assert.Equal("", lines[6]);

        // The same as JSON Lines events on stdout, with the text lines still on stderr.
        var json = Outcome("json");
        Assert.Equal(0, json.Code);
        var events = json.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("""{"version":1,"event":"resolving","host":"dual.test"}""", events[0]);
        Assert.Equal("""{"version":1,"event":"resolved","host":"dual.test","addresses":["::1","127.0.0.1"]}""", events[1]);
        Assert.Equal($$"""{"version":1,"event":"attempt","peer":"[::1]:{{Port}}","attempt":1}""", events[2]);
        Assert.Equal($$"""{"version":1,"event":"attempt","peer":"127.0.0.1:{{Port}}","attempt":2}""", events[3]);
        Assert.StartsWith($$"""{"version":1,"event":"attempt-connected","peer":"127.0.0.1:{{Port}}","local":"127.0.0.1:""", events[4], StringComparison.Ordinal);
        Assert.StartsWith($$"""{"version":1,"event":"attempt-abandoned","peer":"[::1]:{{Port}}","ms":""", events[5], StringComparison.Ordinal);
        Assert.StartsWith($$"""{"version":1,"event":"connected","peer":"127.0.0.1:{{Port}}",""", events[6], StringComparison.Ordinal);
        Assert.Contains($$"""{"version":1,"event":"closed","peer":"127.0.0.1:{{Port}}","bytesSent":1,"bytesReceived":2}""", events);

        // get goes through the same connect.
        var get = Outcome("get");
        Assert.Equal(0, get.Code);
        Assert.Equal("v4", get.Out);
        Assert.True(get.Ms < 2000, $"get took {get.Ms} ms");
        Assert.Equal(
            ["* resolving dual.test", "* dual.test is ::1, 127.0.0.1", $"* connecting to [::1]:{Port}", $"* connecting to 127.0.0.1:{Port}"],
            get.Err.Split('\n').Take(4));
        Assert.Contains($"* [::1]:{Port}: abandoned, another address connected first\n", get.Err, StringComparison.Ordinal);

        // Both refused: each attempt said, then the one failure line naming both, exit 69.
        var refused = Outcome("refused");
        Assert.Equal(69, refused.Code);
        var refusedLines = refused.Err.Split('\n');
        Assert.Equal($"trying ::1 port {ClosedPort} ...", refusedLines[2]);
        Assert.Matches($@"^::1 port {ClosedPort}: Connection refused after [\d.]+ ms$", refusedLines[3]);
        Assert.Equal($"trying 127.0.0.1 port {ClosedPort} ...", refusedLines[4]);
        Assert.Equal(
            $"sockit: connect to dual.test (127.0.0.1) port {ClosedPort} failed: Connection refused [tried ::1, 127.0.0.1] (is anything listening on that port?)",
            refusedLines[6]);

        // The server's log: what arrived from where. The control's x over IPv6; y, z and the GET over IPv4.
        Assert.Equal(["::1 b'x'", "127.0.0.1 b'y'", "127.0.0.1 b'z'", "127.0.0.1 b'GET /'"], Read("server.log").Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private Task Write(string name, string text) =>
        File.WriteAllTextAsync(Path.Combine(_dir.FullName, name), text.ReplaceLineEndings("\n"), TestContext.Current.CancellationToken);

    private string Read(string name) => File.ReadAllText(Path.Combine(_dir.FullName, name));

    private (int Code, string Out, string Err, int Ms) Outcome(string name) => (
        int.Parse(Read(name + ".rc").Trim(), CultureInfo.InvariantCulture),
        Read(name + ".out"),
        Read(name + ".err"),
        int.Parse(Read(name + ".ms").Trim(), CultureInfo.InvariantCulture));
}
