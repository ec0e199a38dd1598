namespace Sockit.Cli.Rendering;

/// <summary>
/// One output stream (stdout or stderr) behind a bounded queue of bytes, written by one thread of its own, so that a
/// server's client loops never wait for a terminal or a pipe. Two ways in:
/// <see cref="TryWrite"/> for observation (connection lines, hex dumps, JSON events of an echo server): when the queue
/// is full (the reader is slow, or nobody reads), the chunk is dropped and counted, and once the queue has room again one
/// notice says how many bytes were not shown; and <see cref="WriteAsync"/> for data that must not be lost (netcat's
/// stdout): it waits for room, so a slow reader slows the sender, as netcat does. Chunks come out whole and in the order
/// they went in.
/// </summary>
internal sealed class BoundedConsoleWriter : IAsyncDisposable
{
    /// <summary>How much may wait for a slow reader before observation is dropped.</summary>
    public const int DefaultCapacity = 1024 * 1024;

    private const int BatchSize = 64 * 1024;
    private static readonly TimeSpan s_stalledAfter = TimeSpan.FromSeconds(1);

    private readonly Stream _stream;
    private readonly int _capacity;
    private readonly Func<long, byte[]> _droppedNotice;
    private readonly Lock _lock = new();
    private readonly Queue<byte[]> _queue = new();
    private readonly SemaphoreSlim _available = new(0);
    private readonly Thread _thread;
    private TaskCompletionSource _room = NewSignal();
    private TaskCompletionSource _drained = NewSignal();
    private long _queued;
    private long _dropped;
    private long _written;
    private bool _completed;
    private Exception? _failure;

    /// <param name="stream">The stream written to, by this writer's thread only from now on.</param>
    /// <param name="droppedNotice">What to write when bytes were dropped (a line in the stream's own format).</param>
    /// <param name="capacity">Bytes that may be queued.</param>
    public BoundedConsoleWriter(Stream stream, Func<long, byte[]> droppedNotice, int capacity = DefaultCapacity)
    {
        _stream = stream;
        _droppedNotice = droppedNotice;
        _capacity = capacity;
        // A thread of its own: console writes block (a full pipe blocks until it is read), and a blocked pool thread would
        // starve the clients' loops.
        _thread = new Thread(Drain) { IsBackground = true, Name = "sockit output" };
        _thread.Start();
    }

    /// <summary>Bytes dropped so far and not yet reported.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>For stderr: the notice is a line of text.</summary>
    public static byte[] TextNotice(long bytes) =>
        System.Text.Encoding.UTF8.GetBytes($"sockit: {bytes} bytes not shown (the reader was slow)\n");

    /// <summary>Queues a copy of <paramref name="data"/> unless the queue is full; then drops it, counts it, and returns false. Never waits.</summary>
    public bool TryWrite(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return true;
        }
        lock (_lock)
        {
            if (_completed || _failure is not null || (_queued > 0 && _queued + data.Length > _capacity))
            {
                _dropped += data.Length;
                return false;
            }
            Enqueue(data.ToArray());
        }
        return true;
    }

    /// <summary>Queues a copy of <paramref name="data"/>, waiting for room first: never drops. Throws what writing the stream threw.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        if (data.IsEmpty)
        {
            return;
        }
        while (true)
        {
            Task room;
            lock (_lock)
            {
                if (_failure is not null)
                {
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(_failure);
                }
                ObjectDisposedException.ThrowIf(_completed, this);
                // One chunk larger than the whole queue goes in alone.
                if (_queued == 0 || _queued + data.Length <= _capacity)
                {
                    Enqueue(data.ToArray());
                    return;
                }
                room = _room.Task;
            }
            await room.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops taking chunks and waits until what is queued has been written, or until the reader has taken nothing for
    /// a second (nobody reads: the process exits without it).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        Task drained;
        lock (_lock)
        {
            if (_completed)
            {
                return;
            }
            _completed = true;
            drained = _drained.Task;
        }
        _available.Release();
        var written = Interlocked.Read(ref _written);
        while (!drained.IsCompleted)
        {
            await Task.WhenAny(drained, Task.Delay(s_stalledAfter)).ConfigureAwait(false);
            var now = Interlocked.Read(ref _written);
            if (now == written)
            {
                return;
            }
            written = now;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Under _lock.
    private void Enqueue(byte[] chunk)
    {
        _queue.Enqueue(chunk);
        _queued += chunk.Length;
        _available.Release();
    }

    private void Drain()
    {
        var batch = new byte[BatchSize];
        try
        {
            while (true)
            {
                _available.Wait();
                var length = 0;
                byte[]? large = null;
                long notice = 0;
                lock (_lock)
                {
                    // Everything waiting, coalesced into one write (a large chunk is written by itself).
                    while (_queue.TryPeek(out var chunk) && (length == 0 || length + chunk.Length <= BatchSize))
                    {
                        _queue.Dequeue();
                        if (chunk.Length > BatchSize)
                        {
                            large = chunk;
                            break;
                        }
                        chunk.CopyTo(batch, length);
                        length += chunk.Length;
                    }
                    if (length == 0 && large is null && _queue.Count == 0 && _completed)
                    {
                        break;
                    }
                }
                Write(batch.AsSpan(0, length));
                if (large is not null)
                {
                    Write(large);
                }
                lock (_lock)
                {
                    _queued -= length + (large?.Length ?? 0);
                    // Room again: say once what was dropped meanwhile (the notice itself is never dropped).
                    if (_dropped > 0 && _queued < _capacity / 2)
                    {
                        notice = _dropped;
                        _dropped = 0;
                    }
                    _room.TrySetResult();
                    _room = NewSignal();
                }
                if (notice > 0)
                {
                    Write(_droppedNotice(notice));
                }
            }
        }
#pragma warning disable CA1031 // The stream failed (stdout closed): WriteAsync rethrows it; observation is dropped from now on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            lock (_lock)
            {
                _failure = e;
                _queue.Clear();
                _room.TrySetResult();
            }
        }
        _drained.TrySetResult();
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }
        _stream.Write(bytes);
        _stream.Flush();
        Interlocked.Add(ref _written, bytes.Length);
    }
}
