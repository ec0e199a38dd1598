using System.Diagnostics;
using System.Globalization;
using Sockit.Connections;

namespace Sockit.Load;

/// <summary>
/// One connection's messages in flight and the check of their echoes, whichever way the connection is driven
/// (<see cref="StreamLoadConnection"/>'s tasks, <see cref="EpollLoadConnection"/>'s loop): message n lives in slot
/// n mod depth of the ring, stamped with its number when it goes out, and every byte that comes back is compared with
/// it in place. The counts go to the owning connection.
/// </summary>
internal sealed class EchoLedger
{
    private readonly LoadConnection _owner;
    private readonly byte[] _ring;
    private readonly int _size;
    private readonly int _depth;
    private readonly long[] _sentAt;
    private int _offset;     // bytes of message Done already received
    private bool _differs;   // message Done's echo differed so far

    /// <summary>A ledger over <paramref name="ring"/> (at least size x depth bytes), its slots filled with the owner's message bodies.</summary>
    public EchoLedger(LoadConnection owner, byte[] ring, int size, int depth)
    {
        (_owner, _ring, _size, _depth) = (owner, ring, size, depth);
        _sentAt = new long[depth];
        for (var slot = 0; slot < depth; slot++)
        {
            MessagePattern.FillBody(ring.AsSpan(slot * size, size), owner.Index);
        }
    }

    /// <summary>The number of the next message to send.</summary>
    public long Next { get; private set; }

    /// <summary>The number of the next message whose echo is expected.</summary>
    public long Done { get; private set; }

    /// <summary>The slot message <see cref="Next"/> goes into.</summary>
    public int NextSlot => (int)(Next % _depth);

    /// <summary>Writes the numbers of the next <paramref name="count"/> messages into their slots (a slot is rewritten only after its echo completed), and counts them in flight.</summary>
    public void Stamp(int count)
    {
        var now = Stopwatch.GetTimestamp();
        for (var i = 0; i < count; i++)
        {
            var slot = (int)((Next + i) % _depth);
            MessagePattern.Stamp(_ring.AsSpan(slot * _size, _size), Next + i);
            _sentAt[slot] = now;
        }
        Next += count;
        _owner.LastActivity = now;
        Volatile.Write(ref _owner.InFlight, Next - Done);
    }

    /// <summary>The connection broke: what was in flight on it is gone.</summary>
    public void Forget()
    {
        Done = Next;
        _offset = 0;
        _differs = false;
        Volatile.Write(ref _owner.InFlight, 0);
    }

    /// <summary>
    /// Compares received bytes with the messages sent, in order, and counts each completed echo (round trip, bytes,
    /// latency, mismatch). <paramref name="sentBytes"/> is how much of the message stream has gone out (byte k of
    /// message n is byte n x size + k): an echo of more than that is a mismatch. Returns how many echoes completed.
    /// </summary>
    public int Consume(ReadOnlySpan<byte> data, long sentBytes = long.MaxValue)
    {
        var now = Stopwatch.GetTimestamp();
        _owner.LastActivity = now;
        var completed = 0;
        while (!data.IsEmpty)
        {
            var echoed = (Done * _size) + _offset;
            if (Done == Next || echoed >= sentBytes)
            {
                // Bytes beyond everything sent: an echo server never sends those.
                _owner.Mismatches++;
                break;
            }
            var slot = (int)(Done % _depth);
            var expected = _ring.AsSpan((slot * _size) + _offset, (int)Math.Min(_size - _offset, sentBytes - echoed));
            var take = Math.Min(data.Length, expected.Length);
            if (!data[..take].SequenceEqual(expected[..take]))
            {
                _differs = true;
            }
            _offset += take;
            data = data[take..];
            if (_offset == _size)
            {
                _owner.Latency.Record(now - _sentAt[slot]);
                _owner.RoundTrips++;
                _owner.Bytes += _size;
                if (_differs)
                {
                    _owner.Mismatches++;
                    _differs = false;
                }
                _offset = 0;
                Done++;
                completed++;
            }
        }
        Volatile.Write(ref _owner.InFlight, Next - Done);
        return completed;
    }

    /// <summary>The failure of a server that closed the connection before every echo came back.</summary>
    public ConnectionException ClosedEarly()
    {
        var unanswered = Next - Done;
        return new ConnectionException(SockitFailure.Truncated, string.Create(CultureInfo.InvariantCulture,
            $"the server closed the connection with {unanswered} message{(unanswered == 1 ? "" : "s")} unanswered"))
        {
            Phase = ConnectionPhase.Receive,
        };
    }
}
