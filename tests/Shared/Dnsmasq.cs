using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Sockit.Testing;

/// <summary>
/// A real DNS server for tests: dnsmasq on a free loopback port, answering only from its command line
/// (<c>--no-resolv --no-hosts</c>, nothing forwarded), with the CNAME chain
/// <c>www.sockit.test → web.sockit.test → target.sockit.test</c> (127.0.0.42 and ::42) and NXDOMAIN for other
/// names under sockit.test. Killed on dispose.
/// </summary>
public sealed class Dnsmasq : IAsyncDisposable
{
    public const string Domain = "sockit.test";
    public static readonly IPAddress TargetV4 = IPAddress.Parse("127.0.0.42");
    public static readonly IPAddress TargetV6 = IPAddress.Parse("::42");

    private readonly Process _process;

    private Dnsmasq(Process process, IPEndPoint endPoint)
    {
        _process = process;
        EndPoint = endPoint;
    }

    public IPEndPoint EndPoint { get; }

    public static async Task<Dnsmasq> StartAsync(CancellationToken cancellationToken = default)
    {
        var dnsmasq = Peers.Require("dnsmasq");
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePorts.GetForUdpAndTcp();
            var startInfo = new ProcessStartInfo(dnsmasq)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])[
                "--no-daemon", "--no-resolv", "--no-hosts", "--conf-file=/dev/null", $"--port={port}", "--listen-address=127.0.0.1",
                "--bind-interfaces", "--user=root", "--group=root", $"--local=/{Domain}/",
                $"--host-record=target.{Domain},{TargetV4},{TargetV6}",
                $"--cname=www.{Domain},web.{Domain}", $"--cname=web.{Domain},target.{Domain}",
                $"--host-record=plain.{Domain},127.0.0.43"])
            {
                startInfo.ArgumentList.Add(argument);
            }
            var process = Process.Start(startInfo) ?? throw new InvalidOperationException("could not start dnsmasq");
            process.BeginOutputReadLine();
            var stderr = new System.Text.StringBuilder();
            process.ErrorDataReceived += (_, e) => { lock (stderr) { stderr.AppendLine(e.Data); } };
            process.BeginErrorReadLine();
            var server = new Dnsmasq(process, new IPEndPoint(IPAddress.Loopback, port));
            // Ready when it accepts on its TCP port (it opens UDP and TCP together).
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromSeconds(10) && !process.HasExited)
            {
                try
                {
                    using var probe = new TcpClient();
                    await probe.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                    return server;
                }
                catch (SocketException)
                {
                    await Task.Delay(50, cancellationToken);
                }
            }
            await server.DisposeAsync();
            if (attempt == 2)
            {
                lock (stderr)
                {
                    throw new InvalidOperationException($"dnsmasq did not start on port {port}: {stderr}");
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
