using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Net.Sockets;
using Sockit.Interop.Linux;

namespace Sockit.Load;

/// <summary>
/// The load generator's data path on Linux for TCP and Unix stream connections: one thread, one epoll set,
/// level-triggered, as the C load generator it is measured against is built (and as <see cref="Servers.EpollResponderLoop"/>
/// serves). Every readable connection gets one recv into the loop's one buffer, its bytes compared, and its next
/// messages sent at once, straight on the descriptors: no task, no thread-pool hand-off, no socket engine between a
/// wake-up and the next send. Connecting (at the start and again after a failure) stays on <see cref="LoadTarget"/>'s
/// ordinary path, on the thread pool; the loop takes each connection once it is made.
/// </summary>
/// <remarks>
/// The watchdog (overdue echoes, progress) and a cancel reach the loop only through <see cref="Wake"/>: the loop alone
/// closes descriptors, so none is closed while it may be in use or reused under it. <c>SOCKIT_LOAD_LOOPS=tasks</c> in
/// the environment turns the loop off (each connection is then a task on .NET's socket engine), for comparison.
/// </remarks>
internal sealed unsafe class EpollLoadLoop
{
    private const int BufferSize = 64 * 1024;

    private readonly LoadRun _run;
    private readonly EpollSet _set;
    private readonly Thread _thread;
    private readonly ConcurrentQueue<(EpollLoadConnection Connection, bool Connected, Exception? Fault)> _reconnected = new();
    private EpollLoadConnection[] _connections = [];
    private int _active;        // connections with a descriptor in the set
    private int _reconnecting;  // connections being made again on the thread pool

    public EpollLoadLoop(LoadRun run)
    {
        _run = run;
        _set = new EpollSet();
        _thread = new Thread(Run) { IsBackground = true, Name = "sockit load loop" };
    }

    /// <summary>
    /// The round-trip latencies of every connection of the loop: one histogram, written by the loop's thread only, stays
    /// in the cache where fifty (one a connection, as the task loops keep) would not.
    /// </summary>
    public LatencyRecorder Latency { get; } = new(shared: true);

    /// <summary>True when the run's connections can be driven by this loop: Linux, TCP or Unix, and not turned off (see the remarks).</summary>
    public static bool CanRun(LoadOptions options) =>
        OperatingSystem.IsLinux()
        && Interop.SocketPlatform.Current is LinuxSocketPlatform
        && Environment.GetEnvironmentVariable("SOCKIT_LOAD_LOOPS") != "tasks"
        && options.Transport is Connections.Transport.Tcp or Connections.Transport.Unix;

    /// <summary>Starts driving <paramref name="connections"/> on the loop's own thread; each one's RunAsync ends when the loop is done with it.</summary>
    public void Start(IReadOnlyList<EpollLoadConnection> connections)
    {
        _connections = [.. connections];
        _thread.Start();
    }

    /// <summary>Wakes the loop to look at what other threads asked (an abort, a cancel, a connection made again).</summary>
    public void Wake() => _set.Wake();

    private void Run()
    {
        // One receive buffer for every connection (the loop serves one at a time), pinned so its address holds for recv.
        var buffer = GC.AllocateArray<byte>(BufferSize, pinned: true);
        var bufferStart = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        Exception? fault = null;
        try
        {
            for (var i = 0; i < _connections.Length; i++)
            {
                Admit(i);
            }
            while (_active + _reconnecting > 0)
            {
                var count = _set.Wait(-1);
                var woken = false;
                for (var i = 0; i < count; i++)
                {
                    var flags = _set.Flags(i);
                    var data = _set.Data(i);
                    if (EpollSet.IsWake(data))
                    {
                        // Looked at after this batch, so no connection is made again under an event of its old descriptor.
                        woken = true;
                        continue;
                    }
                    Serve((int)data, flags, buffer, bufferStart);
                }
                if (woken)
                {
                    TakeRequests();
                }
            }
        }
#pragma warning disable CA1031 // A bug in the loop: every connection's RunAsync reports it, so the run fails with it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            fault = e;
        }
        finally
        {
            _set.Dispose();
            foreach (var connection in _connections)
            {
                if (fault is null)
                {
                    connection.Finish();
                }
                else
                {
                    connection.Fault(fault);
                }
            }
        }
    }

    private void Serve(int index, uint flags, byte[] buffer, byte* bufferStart)
    {
        var connection = _connections[index];
        if (connection.Descriptor < 0)
        {
            return; // closed earlier in this batch
        }
        var wanted = connection.WantsOutput;
        var alive = true;
        Exception? failure = null;
        if ((flags & (Epoll.In | Epoll.Error | Epoll.HangUp)) != 0)
        {
            alive = connection.Receive(buffer, bufferStart, (flags & (Epoll.Error | Epoll.HangUp)) != 0, out failure);
        }
        if (alive && (flags & Epoll.Out) != 0 && connection.WantsOutput)
        {
            alive = connection.Send(out failure);
        }
        Settle(index, alive, failure, wanted);
    }

    // After a step: a connection that is done is closed; a broken one is counted and made again; a live one listens
    // for writability exactly while it has bytes waiting to be sent.
    private void Settle(int index, bool alive, Exception? failure, bool wanted)
    {
        var connection = _connections[index];
        if (!alive)
        {
            _active--;
            if (failure is null)
            {
                connection.Finish();
            }
            else
            {
                Reconnect(connection, failure);
            }
            return;
        }
        if (connection.WantsOutput != wanted)
        {
            Watch(Epoll.Modify, connection.Descriptor, connection.WantsOutput, index);
        }
    }

    // A connection (new, or made again): into the set, and its first messages sent.
    private void Admit(int index)
    {
        var connection = _connections[index];
        if (_run.Cancelled)
        {
            connection.Finish();
            return;
        }
        connection.Attach();
        Watch(Epoll.Add, connection.Descriptor, wantsOutput: false, index);
        _active++;
        var alive = connection.Begin(out var failure);
        Settle(index, alive, failure, wanted: false);
    }

    // Counts the failure and closes the connection; unless the run is over, a new one is made on the thread pool
    // (as the task loops do: the same connect path, its failure counted too) and handed back through the queue.
    private void Reconnect(EpollLoadConnection connection, Exception failure)
    {
        connection.Broke(failure);
        if (_run.Budget.Stopped)
        {
            connection.Finish();
            return;
        }
        _reconnecting++;
        _ = Task.Run(() => connection.ConnectAgainAsync().AsTask()).ContinueWith(
            made =>
            {
                _reconnected.Enqueue(made.IsCompletedSuccessfully
                    ? (connection, made.Result, null)
                    : (connection, false, made.Exception?.InnerException ?? new OperationCanceledException()));
                Wake();
            },
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    // What other threads asked: connections made again, a cancel, the watchdog's aborts.
    private void TakeRequests()
    {
        _set.ClearWake();
        while (_reconnected.TryDequeue(out var made))
        {
            _reconnecting--;
            if (made.Fault is { } fault)
            {
                throw new InvalidOperationException("making a load connection again failed", fault);
            }
            if (made.Connected)
            {
                Admit(Array.IndexOf(_connections, made.Connection));
            }
            else
            {
                made.Connection.Finish();
            }
        }
        for (var i = 0; i < _connections.Length; i++)
        {
            var connection = _connections[i];
            if (connection.Descriptor < 0)
            {
                continue;
            }
            if (_run.Cancelled)
            {
                _active--;
                connection.Finish();
            }
            else if (connection.AbortRequested)
            {
                _active--;
                Reconnect(connection, new SocketException(Epoll.ConnectionAborted));
            }
        }
    }

    private void Watch(int operation, int descriptor, bool wantsOutput, int index)
    {
        if (_set.Register(operation, descriptor, wantsOutput ? Epoll.In | Epoll.Out : Epoll.In, (ulong)index) < 0)
        {
            throw new SocketException(Marshal.GetLastPInvokeError());
        }
    }
}
