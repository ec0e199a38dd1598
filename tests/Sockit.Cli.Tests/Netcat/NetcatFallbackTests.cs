using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Netcat;

/// <summary>
/// <c>sockit connect NAME PORT</c> tries each address getaddrinfo gives, in its order, until one accepts; <c>-4</c> and
/// <c>-6</c> keep to one family. A name with both <c>::1</c> and <c>127.0.0.1</c> comes from a hosts file of the
/// test's own, bind-mounted over /etc/hosts in a private mount namespace with a files-only nsswitch.conf (nothing
/// reaches a DNS server). The servers run in this process: the network namespace is shared, so the connects made
/// inside the mount namespace reach them.
/// </summary>
public sealed class NetcatFallbackTests
{
    // ::1 first, then 127.0.0.1, as written. The order does not decide anything, though: glibc's getaddrinfo sorts
    // by RFC 6724 (section 6, rule 6: higher precedence first; ::1/128 has 50, IPv4 as ::ffff:0:0/96 has 35, with the
    // default /etc/gai.conf), so ::1 comes first whichever line is first. The test checks that order with python3
    // in the same namespace, so a machine that sorts otherwise fails here with the reason, not further down.
    private const string Hosts = """
        127.0.0.1	localhost
        ::1	dual.sockit.test
        127.0.0.1	dual.sockit.test
        127.0.0.1	four.sockit.test

        """;

    [Fact]
    public async Task Connect_NameWithIpv6AndIpv4_FallsBackAndForcesTheFamily()
    {
        var python = Peers.Require("python3");
        // One server listening on 127.0.0.1 only, one on ::1 only, one on neither; each holds its port bound on the
        // other family without listening, so a connect there is refused (and nothing else can take the port).
        await using var v4Only = FamilyServer.Start(listenOn: AddressFamily.InterNetwork);
        await using var v6Only = FamilyServer.Start(listenOn: AddressFamily.InterNetworkV6);
        await using var none = FamilyServer.Start(listenOn: null);
        string[][] runs =
        [
            ["dual.sockit.test", P(v4Only.Port)],        // 0: ::1 refused, then 127.0.0.1 accepts
            ["-4", "dual.sockit.test", P(v4Only.Port)],  // 1: 127.0.0.1 only
            ["-6", "dual.sockit.test", P(v4Only.Port)],  // 2: ::1 only, refused
            ["dual.sockit.test", P(v6Only.Port)],        // 3: ::1 accepts at once
            ["-4", "dual.sockit.test", P(v6Only.Port)],  // 4: 127.0.0.1 only, refused
            ["-6", "dual.sockit.test", P(v6Only.Port)],  // 5: ::1 only
            ["dual.sockit.test", P(none.Port)],          // 6: both refused
            ["-6", "four.sockit.test", P(v4Only.Port)],  // 7: no IPv6 address at all
        ];

        var directory = Directory.CreateTempSubdirectory("sockit-fallback-");
        try
        {
            string F(string name) => MountNamespace.Quote(Path.Combine(directory.FullName, name));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "hosts"), Hosts.ReplaceLineEndings("\n"), TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "nsswitch.conf"), "hosts: files\n", TestContext.Current.CancellationToken);
            var order = $"import socket; print([a[4][0] for a in socket.getaddrinfo('dual.sockit.test', {v4Only.Port}, 0, socket.SOCK_STREAM)])";
            var script = new StringBuilder()
                .Append($"mount --bind {F("hosts")} /etc/hosts && mount --bind {F("nsswitch.conf")} /etc/nsswitch.conf || exit 99\n")
                .Append($"{MountNamespace.Quote(python)} -c {MountNamespace.Quote(order)} > {F("order")} 2>&1\n");
            for (var i = 0; i < runs.Length; i++)
            {
                var args = string.Join(' ', runs[i].Select(MountNamespace.Quote));
                script.Append($"{Cli.ShellCommand} connect {args} --send x --connect-timeout 5 > {F($"out{i}")} 2> {F($"err{i}")}; echo $? > {F($"rc{i}")}\n");
            }
            var result = await MountNamespace.RunAsync(script.ToString(), TimeSpan.FromSeconds(60));
            Assert.True(result.ExitCode == 0, $"namespace script failed ({result.ExitCode}): {result.Stderr}");

            string Read(string name) => File.ReadAllText(Path.Combine(directory.FullName, name));
            (int Code, string Out, string Err) Run(int i) => (int.Parse(Read($"rc{i}").Trim(), CultureInfo.InvariantCulture), Read($"out{i}"), Read($"err{i}"));

            Assert.Equal("['::1', '127.0.0.1']\n", Read("order"));
            Assert.Equal((0, "v4", ""), Run(0));
            Assert.Equal((0, "v4", ""), Run(1));
            Assert.Equal((69, "", $"sockit: connect to dual.sockit.test (::1) port {v4Only.Port} failed: Connection refused (is anything listening on that port?)\n"), Run(2));
            Assert.Equal((0, "v6", ""), Run(3));
            Assert.Equal((69, "", $"sockit: connect to dual.sockit.test (127.0.0.1) port {v6Only.Port} failed: Connection refused (is anything listening on that port?)\n"), Run(4));
            Assert.Equal((0, "v6", ""), Run(5));
            Assert.Equal((69, "", $"sockit: connect to dual.sockit.test (127.0.0.1) port {none.Port} failed: Connection refused [tried ::1, 127.0.0.1] (is anything listening on that port?)\n"), Run(6));
            Assert.Equal((68, "", "sockit: cannot resolve 'four.sockit.test': Name or service not known (check the name; if it has IPv4 addresses only, drop -6)\n"), Run(7));

            // Each server saw exactly the connections meant for it: runs 0 and 1 over IPv4, runs 3 and 5 over IPv6.
            Assert.Equal(2, v4Only.Served);
            Assert.Equal(2, v6Only.Served);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string P(int port) => port.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A port bound on both 127.0.0.1 and ::1, listening on one family (or neither): each client is read to its end and
    /// answered "v4" or "v6", the family that accepted it.
    /// </summary>
    private sealed class FamilyServer : IAsyncDisposable
    {
        private readonly Socket _v4;
        private readonly Socket _v6;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _serving;
        private int _served;

        private FamilyServer(Socket v4, Socket v6, AddressFamily? listenOn)
        {
            _v4 = v4;
            _v6 = v6;
            Port = ((IPEndPoint)v4.LocalEndPoint!).Port;
            var listener = listenOn switch
            {
                AddressFamily.InterNetwork => v4,
                AddressFamily.InterNetworkV6 => v6,
                _ => null,
            };
            listener?.Listen();
            _serving = listener is null ? Task.CompletedTask : ServeAsync(listener, listenOn == AddressFamily.InterNetwork ? "v4" : "v6");
        }

        public int Port { get; }

        public int Served => Volatile.Read(ref _served);

        public static FamilyServer Start(AddressFamily? listenOn)
        {
            for (var attempt = 0; ; attempt++)
            {
                var v4 = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                v4.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                var v6 = new Socket(AddressFamily.InterNetworkV6, SocketType.Stream, ProtocolType.Tcp) { DualMode = false };
                try
                {
                    v6.Bind(new IPEndPoint(IPAddress.IPv6Loopback, ((IPEndPoint)v4.LocalEndPoint!).Port));
                    return new FamilyServer(v4, v6, listenOn);
                }
                catch (SocketException) when (attempt < 10)
                {
                    // That port is taken on ::1: pick another.
                    v4.Dispose();
                    v6.Dispose();
                }
            }
        }

        private async Task ServeAsync(Socket listener, string answer)
        {
            try
            {
                while (true)
                {
                    using var client = await listener.AcceptAsync(_stop.Token);
                    var buffer = new byte[1024];
                    while (await client.ReceiveAsync(buffer, SocketFlags.None, _stop.Token) > 0)
                    {
                        // Read to the client's end of input, so closing sends no reset.
                    }
                    await client.SendAsync(Encoding.ASCII.GetBytes(answer), SocketFlags.None, _stop.Token);
                    client.Shutdown(SocketShutdown.Both);
                    Interlocked.Increment(ref _served);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException && _stop.IsCancellationRequested)
            {
                // Stopping.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _v4.Dispose();
            _v6.Dispose();
            await _serving;
            _stop.Dispose();
        }
    }
}
