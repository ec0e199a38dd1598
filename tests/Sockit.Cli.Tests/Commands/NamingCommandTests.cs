using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Commands;

/// <summary><c>sockit resolve</c>, <c>socket</c>, <c>constants</c> and <c>host</c> in-process, against python3 on names this machine's hosts file answers.</summary>
public sealed partial class NamingCommandTests
{
    [Theory]
    [InlineData("resolve localhost", "socket.gethostbyname('localhost')")]
    [InlineData("resolve localhost --ex", "socket.gethostbyname_ex('localhost')")]
    [InlineData("resolve 127.0.0.1 --reverse", "socket.gethostbyaddr('127.0.0.1')")]
    [InlineData("resolve --reverse 127.0.0.1", "socket.gethostbyaddr('127.0.0.1')")]
    [InlineData("resolve localhost --service http --canonical", "socket.getaddrinfo('localhost', 'http', flags=socket.AI_CANONNAME)")]
    [InlineData("resolve localhost --family inet --type dgram --proto udp --service 53", "socket.getaddrinfo('localhost', 53, socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)")]
    [InlineData("resolve ::1 --service 80 --family inet6", "socket.getaddrinfo('::1', 80, socket.AF_INET6)")]
    [InlineData("resolve 127.0.0.1 --passive --type raw", "socket.getaddrinfo('127.0.0.1', None, 0, socket.SOCK_RAW, 0, socket.AI_PASSIVE)")]
    // Scoped IPv6 literals (glibc parses them, no resolver is asked): Python 3.7+ prints the host without %scope, the
    // scope id being the sockaddr's fourth item; an interface name after % becomes its index.
    [InlineData("resolve fe80::1%lo --service 80 --family inet6 --type stream", "socket.getaddrinfo('fe80::1%lo', 80, socket.AF_INET6, socket.SOCK_STREAM)")]
    [InlineData("resolve fe80::1%1 --family any", "socket.getaddrinfo('fe80::1%1', None)")]
    [InlineData("resolve ff02::1%lo --service domain --type dgram", "socket.getaddrinfo('ff02::1%lo', 'domain', 0, socket.SOCK_DGRAM)")]
    [InlineData("resolve ::10%7 --service 443 --type stream --canonical", "socket.getaddrinfo('::10%7', 443, 0, socket.SOCK_STREAM, 0, socket.AI_CANONNAME)")]
    [InlineData("resolve ::1:2 --type stream", "socket.getaddrinfo('::1:2', None, 0, socket.SOCK_STREAM)")]
    [InlineData("socket", "socket.socket()")]
    [InlineData("socket --family inet --type dgram --proto udp", "socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)")]
    [InlineData("socket --family inet6 --type stream --proto tcp", "socket.socket(socket.AF_INET6, socket.SOCK_STREAM, socket.IPPROTO_TCP)")]
    [InlineData("socket --family unix --type dgram", "socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)")]
    [InlineData("socket --type raw --proto icmp", "socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)")]
    [InlineData("constants", "{n: int(getattr(socket, n)) for n in dir(socket) if n.startswith(('AF_', 'SOCK_', 'IPPROTO_'))}")]
    [InlineData("constants --prefix AF_", "{n: int(getattr(socket, n)) for n in dir(socket) if n.startswith('AF_')}")]
    [InlineData("constants --prefix ipproto", "{n: int(getattr(socket, n)) for n in dir(socket) if n.startswith('IPPROTO_')}")]
    public async Task Command_PythonFormat_EqualsPythonOnThisMachine(string args, string python)
    {
        var expected = await Python.RunAsync($"import socket\nprint(repr({python}))");
        var result = await Cli.RunAsync([.. args.Split(' '), "--format", "python"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        // A descriptor number is the process's own: compare the rest.
        Assert.Equal(FdPattern().Replace(expected, "fd=N"), FdPattern().Replace(result.Stdout, "fd=N"));
    }

    [Fact]
    public async Task Socket_PythonFormat_DescriptorIsARealOne()
    {
        var result = await Cli.RunAsync("socket", "--format", "python");
        var fd = int.Parse(FdPattern().Match(result.Stdout).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(fd > 2, result.Stdout);
    }

    [Fact]
    public void PyNaming_LessonStyleRepr_NamesTheEnums()
    {
        using var socket = Sockit.Py.Socket();
        var repr = Rendering.PyNaming.SocketRepr(Sockit.Sockets.SocketDescription.Of(socket), enumNames: true);
        Assert.Matches(@"^<socket\.socket fd=\d+, family=AddressFamily\.AF_INET, type=SocketKind\.SOCK_STREAM, proto=0, laddr=\('0\.0\.0\.0', 0\)>$", repr);
        Assert.Equal("<AddressFamily.AF_INET: 2>", Rendering.PyNaming.Family(socket.AddressFamily));
        Assert.Equal("<SocketKind.SOCK_STREAM: 1>", Rendering.PyNaming.SocketKind(socket.SocketType));
        Assert.Equal("0", Rendering.PyNaming.Proto(socket.ProtocolType));
    }

    [Theory]
    [InlineData("abstract")]
    [InlineData("path")]
    [InlineData("at-path")]
    public async Task PyNaming_BoundUnixSocketRepr_EqualsPythonOnThisMachine(string kind)
    {
        // An abstract name (.NET prints it "@name") is bytes to Python; a path, even one whose file name starts with @, a str.
        var directory = Directory.CreateTempSubdirectory("sockit-unix-");
        try
        {
            var name = kind switch
            {
                "abstract" => $"\0sockit-{Guid.NewGuid():N}",
                "path" => Path.Combine(directory.FullName, "s"),
                _ => Path.Combine(directory.FullName, "@s"),
            };
            var pythonName = kind == "abstract" ? $"b'\\x00{name[1..]}'" : $"'{name}'";
            var expected = await Python.RunAsync($"import socket, os\ns = socket.socket(socket.AF_UNIX)\ns.bind({pythonName})\nprint(repr(s))\ns.close()\nif isinstance({pythonName}, str): os.unlink({pythonName})");
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(name));
            var repr = Rendering.PyNaming.SocketRepr(Sockit.Sockets.SocketDescription.Of(socket));
            Assert.Equal(FdPattern().Replace(expected, "fd=N"), FdPattern().Replace(repr + "\n", "fd=N"));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Resolve_Text_PrintsAddressAndTable()
    {
        Assert.Equal("127.0.0.1\n", (await Cli.RunAsync("resolve", "localhost")).Stdout);
        var table = await Cli.RunAsync("resolve", "localhost", "--service", "http", "--family", "inet");
        Assert.Equal("AF_INET   SOCK_STREAM    tcp   127.0.0.1:80\n", table.Stdout);
        var ex = await Cli.RunAsync("resolve", "localhost", "--ex");
        Assert.Equal("name       localhost\naliases    (none)\naddresses  127.0.0.1\n", ex.Stdout);
    }

    [Fact]
    public async Task Resolve_JsonAddrInfo_HasEveryField()
    {
        var result = await Cli.RunAsync("resolve", "::1", "--service", "80", "--type", "stream", "--format", "json");
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        var entry = Assert.Single(json.RootElement.GetProperty("entries").EnumerateArray().ToList());
        Assert.Equal("AF_INET6", entry.GetProperty("family").GetString());
        Assert.Equal(10, entry.GetProperty("familyNumber").GetInt32());
        Assert.Equal("SOCK_STREAM", entry.GetProperty("type").GetString());
        Assert.Equal(6, entry.GetProperty("protocol").GetInt32());
        Assert.Equal("::1", entry.GetProperty("address").GetString());
        Assert.Equal(80, entry.GetProperty("port").GetInt32());
        Assert.Equal(0, entry.GetProperty("scopeId").GetInt64());
    }

    [Fact]
    public async Task Resolve_JsonEx_IsTheEntry()
    {
        var result = await Cli.RunAsync("resolve", "localhost", "--ex", "--format", "json");
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("localhost", json.RootElement.GetProperty("name").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("aliases").GetArrayLength());
        Assert.Equal("127.0.0.1", json.RootElement.GetProperty("addresses")[0].GetString());
    }

    [Fact]
    public async Task Socket_TextAndJson_DescribeTheSocket()
    {
        var text = await Cli.RunAsync("socket", "--type", "dgram", "--proto", "udp");
        Assert.Matches(@"^fd      \d+\nfamily  AF_INET \(2\)\ntype    SOCK_DGRAM \(2\)\nproto   17 \(udp\)\nlocal   0\.0\.0\.0:0\n$", text.Stdout);
        var json = await Cli.RunAsync("socket", "--family", "inet6", "--format", "json");
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal(1, document.RootElement.GetProperty("version").GetInt32());
        Assert.Equal("AF_INET6", document.RootElement.GetProperty("family").GetString());
        Assert.Equal(10, document.RootElement.GetProperty("familyNumber").GetInt32());
        Assert.Equal("::", document.RootElement.GetProperty("localAddress").GetString());
    }

    [Fact]
    public async Task Constants_TextAndJson_ListNamesAndNumbers()
    {
        var text = await Cli.RunAsync("constants", "--prefix", "SOCK_");
        Assert.Contains("SOCK_DGRAM         2\n", text.Stdout, StringComparison.Ordinal);
        Assert.Equal(7, text.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var json = await Cli.RunAsync("constants", "--format", "json");
        using var document = JsonDocument.Parse(json.Stdout);
        Assert.Equal(1, document.RootElement.GetProperty("version").GetInt32());
        Assert.Contains(document.RootElement.GetProperty("entries").EnumerateArray(), e => e.GetProperty("name").GetString() == "AF_INET6" && e.GetProperty("value").GetInt32() == 10);
    }

    [Fact]
    public async Task Resolve_ScopedLiteral_JsonAndTextShowScopeAndFlowInfo()
    {
        // The kernel's own word for lo's index, not sockit's.
        var loopbackIndex = int.Parse(File.ReadAllText("/sys/class/net/lo/ifindex").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var json = await Cli.RunAsync("resolve", "fe80::1%lo", "--service", "80", "--family", "inet6", "--type", "stream", "--format", "json");
        Assert.True(json.ExitCode == 0, json.Stderr);
        using var document = JsonDocument.Parse(json.Stdout);
        var entry = Assert.Single(document.RootElement.GetProperty("entries").EnumerateArray().ToList());
        // Python's data: the host without %scope, then flowinfo and scope_id.
        Assert.Equal("fe80::1", entry.GetProperty("address").GetString());
        Assert.Equal(80, entry.GetProperty("port").GetInt32());
        Assert.Equal(0u, entry.GetProperty("flowInfo").GetUInt32());
        Assert.Equal(loopbackIndex, entry.GetProperty("scopeId").GetInt64());
        var text = await Cli.RunAsync("resolve", "fe80::1%lo", "--service", "80", "--family", "inet6", "--type", "stream");
        Assert.Equal($"AF_INET6  SOCK_STREAM    tcp   [fe80::1%{loopbackIndex}]:80\n", text.Stdout);
    }

    [Fact]
    public async Task Resolve_JsonIPv4_HasNoFlowInfoOrScope()
    {
        var result = await Cli.RunAsync("resolve", "127.0.0.1", "--service", "80", "--type", "stream", "--format", "json");
        using var json = JsonDocument.Parse(result.Stdout);
        var entry = Assert.Single(json.RootElement.GetProperty("entries").EnumerateArray().ToList());
        Assert.False(entry.TryGetProperty("flowInfo", out _));
        Assert.False(entry.TryGetProperty("scopeId", out _));
    }

    [Fact]
    public async Task PyNaming_AddrInfoWithFlowInfo_EqualsPythonsRepr()
    {
        var expected = await Python.RunAsync("import socket\nprint(repr((socket.AF_INET6, socket.SOCK_STREAM, 6, '', ('fe80::1', 8080, 74565, 2))))");
        var info = new Sockit.Naming.AddressInfo(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp, "",
            new System.Net.IPEndPoint(System.Net.IPAddress.Parse("fe80::1%2"), 8080)) { FlowInfo = 74565 };
        Assert.Equal(expected, Rendering.PyNaming.AddrInfo(info) + "\n");
    }

    [Fact]
    public async Task Host_Json_KnownNames_HasNameAddressFqdnAndLoopbackInterface()
    {
        // In a namespace with a known hosts file and host name: the machine's own name may be in no hosts file.
        var result = await Cli.RunWithKnownNamesAsync(["host", "--format", "json"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(1, json.RootElement.GetProperty("version").GetInt32());
        Assert.Equal(KnownNames.HostName, json.RootElement.GetProperty("hostName").GetString());
        Assert.Equal(KnownNames.HostAddress, json.RootElement.GetProperty("address").GetString());
        Assert.Equal(KnownNames.FullyQualifiedName, json.RootElement.GetProperty("fullyQualifiedName").GetString());
        Assert.False(json.RootElement.TryGetProperty("addressError", out _));
        Assert.Contains(json.RootElement.GetProperty("interfaces").EnumerateArray(), i =>
            i.GetProperty("name").GetString() == "lo" && i.GetProperty("addresses").EnumerateArray().Any(a => a.GetString() == "127.0.0.1"));
    }

    [Theory]
    [InlineData("resolve localhost --family inet7", 64, "sockit: --family takes inet, inet6 or any, not 'inet7'")]
    [InlineData("socket --family any", 64, "sockit: --family takes inet, inet6 or unix, not 'any'")]
    [InlineData("socket --type datagram", 64, "sockit: --type takes stream, dgram, raw, rdm or seqpacket, not 'datagram'")]
    [InlineData("resolve localhost --proto tcpp", 64, "sockit: --proto takes tcp, udp, a name from 'sockit constants --prefix IPPROTO_' or a number 0-65535, not 'tcpp'")]
    [InlineData("constants --prefix SO_", 64, "sockit: --prefix takes AF_, SOCK_ or IPPROTO_, not 'SO_'")]
    [InlineData("resolve", 64, "sockit: give a host name or address (sockit resolve localhost)")]
    [InlineData("resolve localhost --ex --service http", 64, "sockit: --ex is gethostbyname_ex, which takes a name only: drop --ex to use getaddrinfo's options")]
    [InlineData("resolve localhost --reverse --ex", 64, "sockit: --reverse takes an address only, not --ex or getaddrinfo options")]
    [InlineData("resolve localhost --server nowhere", 64, "sockit: --server takes an IP address with an optional port (127.0.0.1:5353, [::1]:5353), not 'nowhere'")]
    [InlineData("resolve localhost --timeout 1", 64, "sockit: --timeout goes with --server (the OS resolver has its own, in /etc/resolv.conf)")]
    [InlineData("resolve localhost --server 127.0.0.1:5353 --timeout 0", 64, "sockit: --timeout takes a duration: 500ms, 2s, 1m or seconds such as 2.5, greater than 0 and at most 24h (not '0') (try 'sockit resolve --help')")]
    [InlineData("resolve localhost --server 127.0.0.1:5353 --ex", 64, "sockit: --server goes with NAME, --family and --timeout only")]
    [InlineData("resolve localhost --numeric", 64, "sockit: unknown option '--numeric' for 'resolve' (try 'sockit resolve --help')")]
    [InlineData("resolve localhost --numeric-host", 64, "sockit: unknown option '--numeric-host' for 'resolve' (try 'sockit resolve --help')")]
    [InlineData("resolve 127.0.0.1 --service nosuchservice --type stream", 68, "sockit: cannot resolve '127.0.0.1' service 'nosuchservice': Servname not supported for ai_socktype (give a port number, or a service that 'sockit service --list' shows for that protocol)")]
    [InlineData("resolve localhost --server [::1]x", 64, "sockit: --server takes an IP address with an optional port (127.0.0.1:5353, [::1]:5353), not '[::1]x'")]
    [InlineData("resolve localhost --server [127.0.0.1]:53", 64, "sockit: --server takes an IP address with an optional port (127.0.0.1:5353, [::1]:5353), not '[127.0.0.1]:53'")]
    [InlineData("resolve localhost --server 127.0.0.1:0", 64, "sockit: --server takes an IP address with an optional port (127.0.0.1:5353, [::1]:5353), not '127.0.0.1:0'")]
    [InlineData("resolve localhost --server [::1]:65536", 64, "sockit: --server takes an IP address with an optional port (127.0.0.1:5353, [::1]:5353), not '[::1]:65536'")]
    [InlineData("resolve 127.0.0.1 --service http --type stream --proto udp", 64, "sockit: cannot resolve '127.0.0.1' service 'http': ai_socktype not supported (--type and --proto must go together: stream with tcp, dgram with udp)")]
    [InlineData("socket --family unix --proto tcp", 64, "sockit: cannot create a socket(AF_UNIX, SOCK_STREAM, 6): Protocol not supported (check that the family, type and protocol go together, as with 'sockit constants')")]
    public async Task BadInput_OneLineAndExitCode(string args, int exitCode, string message)
    {
        var result = await Cli.RunAsync(args.Split(' '));
        Assert.Equal(message + "\n", result.Stderr);
        Assert.Equal(exitCode, result.ExitCode);
        Assert.Empty(result.Stdout);
    }

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1:53")]
    [InlineData("127.0.0.1:5353", "127.0.0.1:5353")]
    [InlineData("::1", "[::1]:53")]
    [InlineData("[::1]", "[::1]:53")]
    [InlineData("[::1]:5353", "[::1]:5353")]
    [InlineData("fd00::53", "[fd00::53]:53")]
    public void ParseServer_AddressWithOrWithoutPort_TakesThePortGiven(string text, string expected)
    {
        Assert.Equal(System.Net.IPEndPoint.Parse(expected), Sockit.Cli.Commands.ResolveCommand.ParseServer(text));
    }

    [Fact]
    public async Task Resolve_ServerIPv6WithPort_AsksThatPort()
    {
        // A silent server on [::1] and a port of its own: the query must arrive there (IPAddress.Parse("[::1]:N") alone drops N).
        using var silent = new System.Net.Sockets.Socket(AddressFamily.InterNetworkV6, SocketType.Dgram, ProtocolType.Udp);
        silent.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.IPv6Loopback, 0));
        var endPoint = (System.Net.IPEndPoint)silent.LocalEndPoint!;
        var buffer = new byte[512];
        var received = silent.ReceiveAsync(buffer, TestContext.Current.CancellationToken);
        var result = await Cli.RunAsync("resolve", "www.sockit.test", "--server", endPoint.ToString(), "--timeout", "0.3");
        Assert.Equal($"sockit: no answer from DNS server {endPoint} within 0.3 s (check that it runs and listens there, or raise --timeout)\n", result.Stderr);
        Assert.Equal(75, result.ExitCode);
        // A DNS query for www.sockit.test: 12-byte header, then the name as labels.
        var length = await received.AsTask().WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.True(length > 12, $"{length} bytes");
        Assert.Contains("\u0003www\u0006sockit\u0004test\u0000", System.Text.Encoding.ASCII.GetString(buffer, 12, length - 12), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tcp", "stream")]
    [InlineData("udp", "dgram")]
    public async Task Socket_ProtoByNameAndByNumber_AreTheIpProtocolNumbersOfGetent(string name, string type)
    {
        // glibc's protocols database is the oracle: "udp  17 UDP". sockit must create the socket with that number
        // whether --proto gives the name or the number, and name the number as getent does.
        var line = (await ProcessRunner.RunAsync(Peers.Require("getent"), ["protocols", name])).Stdout;
        var number = int.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
        foreach (var proto in new[] { name, number.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            var text = await Cli.RunAsync("socket", "--type", type, "--proto", proto);
            Assert.True(text.ExitCode == 0, text.Stderr);
            Assert.Contains($"\nproto   {number} ({name})\n", text.Stdout, StringComparison.Ordinal);
            var json = await Cli.RunAsync("socket", "--type", type, "--proto", proto, "--format", "json");
            using var document = JsonDocument.Parse(json.Stdout);
            Assert.Equal(number, document.RootElement.GetProperty("protocol").GetInt32());
        }
    }

    [GeneratedRegex(@"fd=(\d+)")]
    private static partial Regex FdPattern();
}
