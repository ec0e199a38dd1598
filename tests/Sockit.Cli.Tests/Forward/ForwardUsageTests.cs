using System.Net;
using System.Net.Sockets;
using static Sockit.Cli.Tests.Forward.ForwardProcess;

namespace Sockit.Cli.Tests.Forward;

/// <summary>sockit forward's command line: each mistake is one line and exit 64 before any socket is opened; a taken port is one line and exit 69.</summary>
public sealed class ForwardUsageTests
{
    [Theory]
    [InlineData("::1:8000", "localhost:80", "sockit: LISTEN '::1:8000': write an IPv6 address in brackets ([::1]:8000)\n")]
    [InlineData("8000", "localhost", "sockit: TARGET 'localhost' has no host: give HOST:PORT (localhost:8080), [::1]:8080, unix:PATH or udp:HOST:PORT\n")]
    [InlineData("8000", "localhost:", "sockit: TARGET 'localhost:' has no port: give HOST:PORT (localhost:8080), [::1]:8080, unix:PATH or udp:HOST:PORT\n")]
    [InlineData("8000", "localhost:0", "sockit: TARGET 'localhost:0': port 0 cannot be connected to: give the target's port\n")]
    [InlineData("8000", "[::1:80", "sockit: TARGET '[::1:80': an IPv6 address in brackets is followed by :PORT ([::1]:8080)\n")]
    [InlineData("70000", "localhost:80", "sockit: port 70000 is out of range: ports are 0-65535\n")]
    [InlineData("", "localhost:80", "sockit: LISTEN is empty: give PORT (8000), ADDR:PORT, [::1]:8000, unix:PATH or udp:PORT\n")]
    [InlineData("unix:", "localhost:80", "sockit: LISTEN unix: takes the path of a Unix socket (unix:/tmp/sockit.sock)\n")]
    [InlineData("udp:5353", "127.0.0.1:53", "sockit: LISTEN udp:5353 is UDP: give a udp: TARGET too (sockit forward udp:5353 udp:127.0.0.1:53)\n")]
    [InlineData("5353", "udp:127.0.0.1:53", "sockit: TARGET udp:127.0.0.1:53 is UDP: give a udp: LISTEN too (sockit forward udp:5353 udp:127.0.0.1:53)\n")]
    public async Task BadListenOrTarget_OneLine_Exit64(string listen, string target, string expected)
    {
        var result = await Cli.RunAsync("forward", listen, target);
        Assert.Equal(64, result.ExitCode);
        Assert.Equal(expected, result.Stderr);
        Assert.Equal("", result.Stdout);
    }

    [Theory]
    [InlineData(new[] { "--cert", "x.pem" }, "sockit: --cert and --key go with --tls-listen (sockit forward --tls-listen --cert FILE --key FILE 8443 localhost:8080)\n")]
    [InlineData(new[] { "--insecure" }, "sockit: --cacert, --insecure, --sni and --tls-min go with --tls-target\n")]
    [InlineData(new[] { "--max-clients", "0" }, "sockit: --max-clients takes a number of clients, 1 or more\n")]
    [InlineData(new[] { "--idle-timeout", "5s" }, "sockit: --idle-timeout is for UDP forwarding (udp: LISTEN and TARGET); a TCP client's relay ends when both sides have closed\n")]
    public async Task OptionsThatDoNotGoTogether_OneLine_Exit64(string[] options, string expected)
    {
        var result = await Cli.RunAsync(["forward", "8000", "localhost:80", .. options]);
        Assert.Equal(64, result.ExitCode);
        Assert.Equal(expected, result.Stderr);
    }

    [Fact]
    public async Task TlsWithUdp_OneLine_Exit64()
    {
        var result = await Cli.RunAsync("forward", "--tls-listen", "udp:5353", "udp:127.0.0.1:53");
        Assert.Equal(64, result.ExitCode);
        Assert.Equal("sockit: --tls-listen and --tls-target need stream sockets: UDP has no TLS (DTLS is not supported)\n", result.Stderr);
    }

    [Fact]
    public async Task PortInUse_OneLine_Exit69()
    {
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen();
        var port = ((IPEndPoint)holder.LocalEndPoint!).Port;
        var result = await Cli.RunAsync("forward", P(port), "localhost:80");
        Assert.Equal(69, result.ExitCode);
        Assert.Equal($"sockit: cannot listen on 127.0.0.1:{port}: Address already in use (another program holds port {port}: stop it or pick another port)\n", result.Stderr);
    }

    [Fact]
    public async Task PortInUse_Json_ErrorEventOnStdout_AndTheObjectOnStderr()
    {
        using var holder = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        holder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        holder.Listen();
        var port = ((IPEndPoint)holder.LocalEndPoint!).Port;
        var result = await Cli.RunAsync("forward", P(port), "localhost:80", "--format", "json");
        Assert.Equal(69, result.ExitCode);
        Assert.Equal($"{{\"version\":1,\"event\":\"error\",\"error\":\"address-in-use\",\"exit\":69,\"message\":\"cannot listen on 127.0.0.1:{port}: Address already in use\"}}\n", result.Stdout);
        Assert.StartsWith("{\"error\":\"address-in-use\",\"exit\":69,", result.Stderr, StringComparison.Ordinal);
    }
}
