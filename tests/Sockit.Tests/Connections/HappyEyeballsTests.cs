using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Sockit.Connections;

namespace Sockit.Tests.Connections;

/// <summary>
/// Happy Eyeballs' timing (RFC 8305 section 5) in-process, on two loopback addresses sharing one port: 127.0.0.1
/// answers no SYN (a listener whose accept queue is full drops them, as a firewall would), 127.0.0.2 accepts or
/// refuses. The addresses are given (the connect path of curl's --resolve), so no resolver is asked. What happened
/// when is read from the progress calls (ConnectOptions.Progress), each stamped on arrival by this test's own clock.
/// </summary>
public sealed class HappyEyeballsTests
{
    private static readonly IPAddress s_silent = IPAddress.Loopback;
    private static readonly IPAddress s_second = IPAddress.Parse("127.0.0.2");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Connect_FirstAddressSilent_SecondStartsAfterTheAttemptDelayAndWins()
    {
        using var silent = await SilentListener.StartAsync(s_silent, port: 0);
        using var open = Listen(s_second, silent.Port);
        var progress = new RecordedProgress();
        var options = new ConnectOptions { Progress = progress, ConnectTimeout = TimeSpan.FromSeconds(10) };

        await using var connection = await Connector.ConnectAsync("two.test", silent.Port, [s_silent, s_second], options, progress: null, Ct);

        Assert.Equal(new IPEndPoint(s_second, silent.Port), connection.RemoteEndPoint);
        Assert.Equal(
            [$"connecting 127.0.0.1:{silent.Port} #0", $"connecting 127.0.0.2:{silent.Port} #1", $"connected 127.0.0.2:{silent.Port}", $"abandoned 127.0.0.1:{silent.Port}"],
            progress.Steps);
        // The second attempt waited for the attempt delay (250 ms), not for the first to fail (it never would,
        // within 10 s) and not 0; loosely, for a busy machine.
        var gap = progress.Times[1] - progress.Times[0];
        Assert.InRange(gap, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task Connect_FirstAddressRefused_SecondStartsAtOnce()
    {
        using var open = Listen(s_second, 0);
        var port = ((IPEndPoint)open.LocalEndPoint!).Port;
        var progress = new RecordedProgress();

        await using var connection = await Connector.ConnectAsync("two.test", port, [s_silent, s_second], new ConnectOptions { Progress = progress }, progress: null, Ct);

        Assert.Equal(new IPEndPoint(s_second, port), connection.RemoteEndPoint);
        Assert.Equal([$"connecting 127.0.0.1:{port} #0", $"failed 127.0.0.1:{port} Refused", $"connecting 127.0.0.2:{port} #1", $"connected 127.0.0.2:{port}"], progress.Steps);
        // A refusal starts the next attempt without waiting out the delay.
        Assert.True(progress.Times[2] - progress.Times[0] < TimeSpan.FromMilliseconds(200), $"second attempt after {progress.Times[2] - progress.Times[0]}");
    }

    [Fact]
    public async Task Connect_EveryAddressRefused_RefusedNamingEveryAddress()
    {
        int port;
        using (var probe = Listen(s_silent, 0))
        {
            port = ((IPEndPoint)probe.LocalEndPoint!).Port;
        }
        var e = await Assert.ThrowsAsync<ConnectionException>(async () =>
            await Connector.ConnectAsync("two.test", port, [s_silent, s_second], new ConnectOptions(), progress: null, Ct));
        Assert.Equal(SockitFailure.Refused, e.Failure);
        Assert.Equal([new IPEndPoint(s_silent, port), new IPEndPoint(s_second, port)], e.Tried);
        Assert.Equal($"connect to two.test (127.0.0.2) port {port} failed: Connection refused [tried 127.0.0.1, 127.0.0.2]", e.Message);
    }

    [Fact]
    public async Task Connect_EveryAddressSilent_TheTimeoutBoundsTheWholeConnect()
    {
        using var first = await SilentListener.StartAsync(s_silent, port: 0);
        using var second = await SilentListener.StartAsync(s_second, first.Port);
        var progress = new RecordedProgress();
        var options = new ConnectOptions { Progress = progress, ConnectTimeout = TimeSpan.FromSeconds(1), AttemptDelay = TimeSpan.FromMilliseconds(500) };

        var e = await Assert.ThrowsAsync<ConnectionException>(async () =>
            await Connector.ConnectAsync("two.test", first.Port, [s_silent, s_second], options, progress: null, Ct));

        Assert.Equal(SockitFailure.TimedOut, e.Failure);
        Assert.Equal(2, e.Tried.Count);
        Assert.Equal([$"connecting 127.0.0.1:{first.Port} #0", $"connecting 127.0.0.2:{first.Port} #1"], progress.Steps.Take(2));
        Assert.All(progress.Steps.Skip(2), s => Assert.Contains(" TimedOut", s, StringComparison.Ordinal));
        // One deadline for both (curl's --connect-timeout): they end together at 1 s. Each timed on its own, the
        // second would end 500 ms after the first.
        var ends = progress.Times.Skip(2).ToArray();
        Assert.Equal(2, ends.Length);
        Assert.True(ends[1] - ends[0] < TimeSpan.FromMilliseconds(250), $"the attempts ended {ends[1] - ends[0]} apart");
    }

    [Fact]
    public async Task Connect_OneAtATime_AsPythonsCreateConnection_NextOnlyAfterTheFirstTimesOut()
    {
        using var silent = await SilentListener.StartAsync(s_silent, port: 0);
        using var open = Listen(s_second, silent.Port);
        var progress = new RecordedProgress();
        var options = new ConnectOptions { Progress = progress, ConnectTimeout = TimeSpan.FromMilliseconds(500), OneAtATime = true };

        await using var connection = await Connector.ConnectAsync("two.test", silent.Port, [s_silent, s_second], options, progress: null, Ct);

        Assert.Equal(new IPEndPoint(s_second, silent.Port), connection.RemoteEndPoint);
        Assert.Equal([$"connecting 127.0.0.1:{silent.Port} #0", $"failed 127.0.0.1:{silent.Port} TimedOut", $"connecting 127.0.0.2:{silent.Port} #1", $"connected 127.0.0.2:{silent.Port}"], progress.Steps);
        // The timeout bounded the first attempt on its own, and the second had its own.
        Assert.InRange(progress.Times[2] - progress.Times[0], TimeSpan.FromMilliseconds(450), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void AttemptDelay_Negative_Refused()
    {
        // Timeout.InfiniteTimeSpan is -1 ms: any other negative value is a mistake.
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectOptions { AttemptDelay = TimeSpan.FromMilliseconds(-2) });
        Assert.Throws<ArgumentOutOfRangeException>(() => new ConnectOptions { AttemptDelay = TimeSpan.FromSeconds(-1) });
        Assert.Equal(Timeout.InfiniteTimeSpan, new ConnectOptions { AttemptDelay = Timeout.InfiniteTimeSpan }.AttemptDelay);
        Assert.Equal(TimeSpan.FromMilliseconds(250), new ConnectOptions().AttemptDelay);
    }

    private static Socket Listen(IPAddress address, int port)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Bind(new IPEndPoint(address, port));
        socket.Listen();
        return socket;
    }

    /// <summary>Each progress call as one line, and when it came by this test's clock.</summary>
    private sealed class RecordedProgress : IConnectProgress
    {
        private readonly long _start = Stopwatch.GetTimestamp();

        public List<string> Steps { get; } = [];

        public List<TimeSpan> Times { get; } = [];

        public void OnResolving(string host) => Add($"resolving {host}");

        public void OnResolved(string host, IReadOnlyList<IPAddress> addresses) => Add($"resolved {host}");

        public void OnConnecting(IPEndPoint endPoint, int index) => Add($"connecting {endPoint} #{index}");

        public void OnConnected(IPEndPoint endPoint, EndPoint? localEndPoint, TimeSpan elapsed) => Add($"connected {endPoint}");

        public void OnAttemptFailed(IPEndPoint endPoint, ConnectionException failure) => Add($"failed {endPoint} {failure.Failure}");

        public void OnAttemptAbandoned(IPEndPoint endPoint) => Add($"abandoned {endPoint}");

        private void Add(string step)
        {
            lock (Steps)
            {
                Steps.Add(step);
                Times.Add(Stopwatch.GetElapsedTime(_start));
            }
        }
    }

    /// <summary>
    /// A listener that answers no SYN: its accept queue (backlog 1) is filled by connections nobody accepts, after
    /// which Linux drops further SYNs, so a connect there waits as one to a firewalled address does.
    /// </summary>
    private sealed class SilentListener : IDisposable
    {
        private readonly Socket _listener;
        private readonly List<Socket> _fillers = [];

        private SilentListener(Socket listener) => _listener = listener;

        public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

        public static async Task<SilentListener> StartAsync(IPAddress address, int port)
        {
            var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(address, port));
            listener.Listen(1);
            var silent = new SilentListener(listener);
            for (var i = 0; i < 8; i++)
            {
                var filler = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                silent._fillers.Add(filler);
                // Under the first SYN retransmission (1 s): a dropped SYN cannot be answered sooner, and an accepted one is, even on a
                // busy machine (300 ms was once too short there, and a queue that was not full passed for silent).
                using var quick = new CancellationTokenSource(TimeSpan.FromMilliseconds(900));
                try
                {
                    await filler.ConnectAsync(new IPEndPoint(address, silent.Port), quick.Token);
                }
                catch (OperationCanceledException)
                {
                    // This one got no answer: the queue is full and SYNs are dropped from now on.
                    return silent;
                }
            }
            silent.Dispose();
            throw new InvalidOperationException($"the accept queue of {address} never filled: cannot make a silent port here");
        }

        public void Dispose()
        {
            _fillers.ForEach(f => f.Dispose());
            _listener.Dispose();
        }
    }
}
