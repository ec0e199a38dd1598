using System.Buffers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Sockit.Connections;

namespace Sockit.Load;

/// <summary>
/// A TCP or Unix connection's loop: send up to <see cref="LoadOptions.Pipeline"/> messages, compare every byte that
/// comes back with what was sent, and send one more for each echo that completes. The hot path allocates nothing:
/// the sent messages live in one pooled ring (message n in slot n mod pipeline) that the echoes are compared against
/// in place, and the socket's own send and receive (no Stream layers) complete as ValueTasks.
/// </summary>
internal sealed class StreamLoadConnection : LoadConnection
{
    // A receive takes what the socket has, up to this: larger only costs memory once the pipeline is full.
    private const int MinReceiveBuffer = 4096;
    private const int MaxReceiveBuffer = 128 * 1024;

    private readonly int _size;
    private readonly int _depth;
    private readonly byte[] _ring;   // the ledger's, pooled
    private readonly EchoLedger _ledger;
    private byte[] _receive = [];
    private ValueTask _sending;

    public StreamLoadConnection(LoadRun run, int index, Connection connection)
        : base(run, index, connection)
    {
        _size = run.Options.MessageSize;
        _depth = run.Options.Pipeline;
        _ring = ArrayPool<byte>.Shared.Rent(_size * _depth);
        _ledger = new EchoLedger(this, _ring, _size, _depth);
    }

    public override async Task RunAsync()
    {
        _receive = ArrayPool<byte>.Shared.Rent(Math.Clamp(_size * _depth, MinReceiveBuffer, MaxReceiveBuffer));
        try
        {
            while (true)
            {
                try
                {
                    await ExchangeAsync(Socket).ConfigureAwait(false);
                    return;
                }
                catch (Exception e) when (IsConnectionFailure(e))
                {
                    Failed(e);
                }
                // What was in flight on the broken connection is gone: close it (which ends a send still waiting on it)
                // and start afresh on a new one.
                Close();
                await ForgetSendAsync().ConfigureAwait(false);
                _ledger.Forget();
                if (!await ReconnectAsync().ConfigureAwait(false))
                {
                    return;
                }
            }
        }
        finally
        {
            Close();
            await ForgetSendAsync().ConfigureAwait(false);
            ArrayPool<byte>.Shared.Return(_ring);
            ArrayPool<byte>.Shared.Return(_receive);
        }
    }

    private async ValueTask ExchangeAsync(Socket socket)
    {
        var first = Run.Budget.Claim(_depth);
        if (first == 0)
        {
            return;
        }
        await SendAsync(socket, first).ConfigureAwait(false);
        while (_ledger.Done < _ledger.Next)
        {
            var received = await socket.ReceiveAsync(_receive.AsMemory(), SocketFlags.None).ConfigureAwait(false);
            if (received == 0)
            {
                throw _ledger.ClosedEarly();
            }
            var completed = _ledger.Consume(_receive.AsSpan(0, received));
            if (completed > 0)
            {
                var more = Run.Budget.Claim(completed);
                if (more > 0)
                {
                    await SendAsync(socket, more).ConfigureAwait(false);
                }
            }
        }
        // Every echo came back, so every send is done; observed once, through the field, so nothing awaits it twice.
        await ObserveSendAsync().ConfigureAwait(false);
    }

    // Writes the numbers of the next `count` messages into their slots and starts sending them. The send is not awaited
    // here: the loop goes on to receive, so a server that echoes while it reads never waits on a client that is still
    // sending (with a deep pipeline of large messages, both sides' buffers would otherwise fill up and stall). A slot is
    // rewritten only after its echo completed and the previous send finished.
    private async ValueTask SendAsync(Socket socket, int count)
    {
        await ObserveSendAsync().ConfigureAwait(false);
        var firstSlot = _ledger.NextSlot;
        _ledger.Stamp(count);
        // The slots run to the ring's end and may wrap to its start: at most two contiguous pieces.
        var tail = Math.Min(count, _depth - firstSlot);
        _sending = SendPiecesAsync(socket, _ring.AsMemory(firstSlot * _size, tail * _size),
            count > tail ? _ring.AsMemory(0, (count - tail) * _size) : ReadOnlyMemory<byte>.Empty);
    }

    private async ValueTask ObserveSendAsync()
    {
        var sending = _sending;
        _sending = default;
        await sending.ConfigureAwait(false);
    }

    // A send that fails on a connection already counted as broken (or closed at the end) says nothing new.
    private async ValueTask ForgetSendAsync()
    {
        try
        {
            await ObserveSendAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (IsConnectionFailure(e))
        {
        }
    }

    // Pooled: a send that has to wait (a full socket buffer) reuses a box instead of allocating one.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private static async ValueTask SendPiecesAsync(Socket socket, ReadOnlyMemory<byte> first, ReadOnlyMemory<byte> second)
    {
        await SendAllAsync(socket, first).ConfigureAwait(false);
        if (!second.IsEmpty)
        {
            await SendAllAsync(socket, second).ConfigureAwait(false);
        }
    }

    private static async ValueTask SendAllAsync(Socket socket, ReadOnlyMemory<byte> data)
    {
        while (!data.IsEmpty)
        {
            var sent = await socket.SendAsync(data, SocketFlags.None).ConfigureAwait(false);
            data = data[sent..];
        }
    }
}
