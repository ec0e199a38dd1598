using System.Buffers;
using System.Net.Sockets;
using Sockit.Connections;

namespace Sockit.Forwarding;

/// <summary>
/// The forwarder's data path: client → target and target → client at once, each direction one pooled 64 KiB buffer
/// and a loop of receive and send straight on the sockets (through the TLS stream only on a TLS side), with no
/// allocation a chunk and nothing but the byte count between the two calls. End-of-file one way is a half-close the
/// other way (close_notify first over TLS); the splice ends when both ways have ended. A failure either way (a reset)
/// aborts both connections, so each peer learns that the other end did not finish cleanly.
/// </summary>
internal sealed class StreamSplice
{
    private const int BufferSize = 64 * 1024;

    private readonly Connection _client;
    private readonly Connection _target;
    private long _up;
    private long _down;
    private Exception? _failure;

    private StreamSplice(Connection client, Connection target)
    {
        _client = client;
        _target = target;
    }

    public long BytesUp => Interlocked.Read(ref _up);

    public long BytesDown => Interlocked.Read(ref _down);

    /// <summary>Relays until both directions have ended; returns the splice with its counts and its first failure, if any.</summary>
    public static async Task<StreamSplice> RunAsync(Connection client, Connection target)
    {
        var splice = new StreamSplice(client, target);
        var up = splice.PumpAsync(client, target, upward: true);
        var down = splice.PumpAsync(target, client, upward: false);
        await Task.WhenAll(up, down).ConfigureAwait(false);
        return splice;
    }

    /// <summary>The first failure, as a library failure naming the side it happened on; null when both ways ended cleanly.</summary>
    public SockitException? Failure => _failure switch
    {
        null => null,
        SockitException e => e,
        SocketException e => new ConnectionException(SocketErrors.Kind(e.SocketErrorCode), $"relay between {Name(_client)} and {Name(_target)} failed: {e.Message}", e)
        {
            Phase = ConnectionPhase.Transfer,
        },
        var e => new ConnectionException(SockitFailure.Io, $"relay between {Name(_client)} and {Name(_target)} failed: {e.Message}", e)
        {
            Phase = ConnectionPhase.Transfer,
        },
    };

    private async Task PumpAsync(Connection from, Connection to, bool upward)
    {
        // Both directions start at once, on the thread pool, whatever the first receive finds waiting.
        await Task.CompletedTask.ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var fromTls = from.TlsStream;
            var toTls = to.TlsStream;
            var fromSocket = from.Socket;
            var toSocket = to.Socket;
            while (true)
            {
                var n = fromTls is not null
                    ? await fromTls.ReadAsync(buffer.AsMemory(0, BufferSize)).ConfigureAwait(false)
                    : await fromSocket.ReceiveAsync(buffer.AsMemory(0, BufferSize), SocketFlags.None).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }
                if (toTls is not null)
                {
                    await toTls.WriteAsync(buffer.AsMemory(0, n)).ConfigureAwait(false);
                }
                else
                {
                    // sendall inline: a helper method's state machine would be allocated each time a send completes later.
                    var pending = buffer.AsMemory(0, n);
                    while (!pending.IsEmpty)
                    {
                        var sent = await toSocket.SendAsync(pending, SocketFlags.None).ConfigureAwait(false);
                        pending = pending[sent..];
                    }
                }
                if (upward)
                {
                    Interlocked.Add(ref _up, n);
                }
                else
                {
                    Interlocked.Add(ref _down, n);
                }
            }
            await to.ShutdownSendAsync().ConfigureAwait(false);
        }
#pragma warning disable CA1031 // Any failure of one direction ends both; it is reported once, as the splice's failure.
        catch (Exception e)
#pragma warning restore CA1031
        {
            // The first failure is the one to report: the other direction then fails only because of this abort.
            Interlocked.CompareExchange(ref _failure, e, null);
            Abort(_client);
            Abort(_target);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Closes with a reset; the connection may already be closed (by the other direction, or the forwarder stopping).</summary>
    internal static void Abort(Connection connection)
    {
        try
        {
            connection.Abort();
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
    }

    private static string Name(Connection connection) => connection.PeerName;
}
