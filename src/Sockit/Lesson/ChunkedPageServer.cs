using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Sockit.Lesson;

/// <summary>
/// A small HTTP/1.1 server on loopback that answers every request with one chunked page sent in pieces, pausing
/// between them as a real server does while it produces a page. It exists to show the lesson's mistake: a read loop
/// that stops at the first <c>recv</c> shorter than its buffer returns after the first piece.
/// </summary>
public sealed class ChunkedPageServer : IAsyncDisposable
{
    private const int MaxRequestHead = 64 * 1024;
    private static readonly byte[] s_headEnd = "\r\n\r\n"u8.ToArray();

    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private readonly IReadOnlyList<byte[]> _wirePieces;
    private readonly TimeSpan _pause;
    private int _disposed;

    private ChunkedPageServer(Socket listener, IReadOnlyList<string> pieces, TimeSpan pause)
    {
        _listener = listener;
        var chunks = pieces.Select(Encoding.UTF8.GetBytes).ToList();
        _wirePieces = FrameChunks(chunks);
        _pause = pause;
        Page = chunks.SelectMany(c => c).ToArray();
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        Url = new Uri($"http://127.0.0.1:{port}/");
        _acceptLoop = AcceptLoopAsync(_stop.Token);
    }

    /// <summary>Where the page is served: <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The whole page body, as a client that reads it correctly receives it.</summary>
    public byte[] Page { get; }

    /// <summary>How many chunks the page is sent in.</summary>
    public int ChunkCount => _wirePieces.Count;

    /// <summary>Binds 127.0.0.1 on a free port and starts serving <paramref name="pieces"/> (UTF-8), pausing <paramref name="pause"/> (default 150 ms) between them.</summary>
    public static ChunkedPageServer Start(IReadOnlyList<string> pieces, TimeSpan? pause = null)
    {
        ArgumentNullException.ThrowIfNull(pieces);
        ArgumentOutOfRangeException.ThrowIfZero(pieces.Count);
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(16);
        }
        catch
        {
            listener.Dispose();
            throw;
        }
        return new ChunkedPageServer(listener, pieces, pause ?? TimeSpan.FromMilliseconds(150));
    }

    /// <summary>Stops accepting and waits for the server's work to end. Disposing again does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Dispose();
        // The loops end on cancellation by themselves; anything else they throw is a bug, and surfaces here.
        await _acceptLoop.ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken cancellationToken)
    {
        var clients = new List<Task>();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var client = await _listener.AcceptAsync(cancellationToken).ConfigureAwait(false);
                clients.Add(ServeAsync(client, cancellationToken));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // Stopped.
        }
        await Task.WhenAll(clients).ConfigureAwait(false);
    }

    private async Task ServeAsync(Socket client, CancellationToken cancellationToken)
    {
        using (client)
        {
            try
            {
                if (!await ReadRequestHeadAsync(client, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }
                for (var i = 0; i < _wirePieces.Count; i++)
                {
                    await client.SendAsync(_wirePieces[i], SocketFlags.None, cancellationToken).ConfigureAwait(false);
                    if (i < _wirePieces.Count - 1)
                    {
                        await Task.Delay(_pause, cancellationToken).ConfigureAwait(false);
                    }
                }
                client.Shutdown(SocketShutdown.Send);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // The client went away or the server is stopping: nothing to answer.
            }
        }
    }

    private static async Task<bool> ReadRequestHeadAsync(Socket client, CancellationToken cancellationToken)
    {
        var received = new byte[MaxRequestHead];
        var length = 0;
        while (length < received.Length)
        {
            var n = await client.ReceiveAsync(received.AsMemory(length), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return false;
            }
            // The end of the head may straddle two receives: search from just before the new bytes.
            var searchFrom = Math.Max(0, length - (s_headEnd.Length - 1));
            length += n;
            if (received.AsSpan(searchFrom, length - searchFrom).IndexOf(s_headEnd) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    // The response as it goes on the wire, one element a send: the head with the first chunk, then each chunk, the
    // last with the terminating zero-size chunk. RFC 9112 section 7.1: chunk-size in hex, CRLF, data, CRLF; a
    // zero-size chunk and an empty trailer section end the body.
    private static List<byte[]> FrameChunks(IReadOnlyList<byte[]> chunks)
    {
        var pieces = new List<byte[]>(chunks.Count);
        for (var i = 0; i < chunks.Count; i++)
        {
            using var piece = new MemoryStream();
            if (i == 0)
            {
                piece.Write("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"u8);
            }
            piece.Write(Encoding.ASCII.GetBytes($"{chunks[i].Length:x}\r\n"));
            piece.Write(chunks[i]);
            piece.Write(i == chunks.Count - 1 ? "\r\n0\r\n\r\n"u8 : "\r\n"u8);
            pieces.Add(piece.ToArray());
        }
        return pieces;
    }
}
