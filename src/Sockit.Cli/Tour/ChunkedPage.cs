using System.Text;

namespace Sockit.Cli.Tour;

/// <summary>
/// The tour's web page as a chunked response in pieces, for a <see cref="Sockit.Servers.ScriptedHttpServer"/> to send
/// with pauses between them, as a real server does while it produces a page. It exists to show the lesson's mistake:
/// a read loop that stops at the first <c>recv</c> shorter than its buffer returns after the first piece.
/// </summary>
internal static class ChunkedPage
{
    /// <summary>
    /// The response as it goes on the wire, one element a send: the head with the first chunk, then each chunk, the
    /// last with the terminating zero-size chunk. RFC 9112 section 7.1: chunk-size in hex, CRLF, data, CRLF; a
    /// zero-size chunk and an empty trailer section end the body.
    /// </summary>
    public static IReadOnlyList<byte[]> Frame(IReadOnlyList<string> pieces)
    {
        ArgumentOutOfRangeException.ThrowIfZero(pieces.Count);
        var wire = new List<byte[]>(pieces.Count);
        for (var i = 0; i < pieces.Count; i++)
        {
            var chunk = Encoding.UTF8.GetBytes(pieces[i]);
            using var piece = new MemoryStream();
            if (i == 0)
            {
                piece.Write("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"u8);
            }
            piece.Write(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
            piece.Write(chunk);
            piece.Write(i == pieces.Count - 1 ? "\r\n0\r\n\r\n"u8 : "\r\n"u8);
            wire.Add(piece.ToArray());
        }
        return wire;
    }
}
