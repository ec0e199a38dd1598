namespace Sockit.Http;

/// <summary>
/// Decodes the chunked transfer coding (RFC 9112 section 7.1) from pieces of any size, without copying chunk data:
/// <c>chunk-size [ chunk-ext ] CRLF chunk-data CRLF ... last-chunk trailer-section CRLF</c>.
/// Chunk extensions are ignored (7.1.1); trailer fields are kept in <see cref="Trailers"/> (7.1.2).
/// </summary>
public sealed class ChunkedDecoder
{
    private readonly HttpReaderLimits _limits;
    private readonly LineAccumulator _lines = new();
    private readonly List<HttpHeaderField> _trailers = [];
    private State _state = State.Size;
    private long _remaining;
    private bool _sawCr;

    /// <summary>Creates a decoder with <paramref name="limits"/> (default <see cref="HttpReaderLimits.Default"/>).</summary>
    public ChunkedDecoder(HttpReaderLimits? limits = null)
    {
        _limits = limits ?? HttpReaderLimits.Default;
    }

    private enum State
    {
        Size,
        Data,
        DataEnd,
        Trailers,
        Done,
    }

    /// <summary>The trailer fields, once the last chunk has been read.</summary>
    public IReadOnlyList<HttpHeaderField> Trailers => _trailers;

    /// <summary>Whether the last chunk and the trailer section have been read.</summary>
    public bool IsComplete => _state == State.Done;

    /// <summary>Decoded body bytes returned so far.</summary>
    public long BytesDecoded { get; private set; }

    /// <summary>How many chunks (not counting the last, empty one) have been read.</summary>
    public long ChunkCount { get; private set; }

    /// <summary>
    /// Consumes bytes of <paramref name="input"/>. Returns <see cref="HttpReadStatus.Body"/> with <paramref name="data"/>
    /// a slice of <paramref name="input"/> holding chunk data, <see cref="HttpReadStatus.Complete"/> when the coding ended
    /// (bytes after <paramref name="consumed"/> are not part of it), or <see cref="HttpReadStatus.NeedMoreData"/>.
    /// Throws <see cref="HttpWireProtocolException"/> on a malformed chunk.
    /// </summary>
    public HttpReadStatus Decode(ReadOnlySpan<byte> input, out int consumed, out ReadOnlySpan<byte> data)
    {
        consumed = 0;
        data = default;
        while (true)
        {
            if (_state == State.Done)
            {
                return HttpReadStatus.Complete;
            }
            if (consumed == input.Length)
            {
                return HttpReadStatus.NeedMoreData;
            }
            var rest = input[consumed..];
            ReadOnlySpan<byte> line;
            int used;
            switch (_state)
            {
                case State.Data:
                    var n = (int)Math.Min(_remaining, rest.Length);
                    data = rest[..n];
                    consumed += n;
                    _remaining -= n;
                    BytesDecoded += n;
                    if (_remaining == 0)
                    {
                        _state = State.DataEnd;
                    }
                    return HttpReadStatus.Body;

                case State.Size:
                    if (!_lines.TryTakeLine(rest, _limits.MaxLineBytes, _limits.MaxLineBytes + 2, "chunk-size line", out used, out line))
                    {
                        consumed += used;
                        return HttpReadStatus.NeedMoreData;
                    }
                    consumed += used;
                    if (!TryParseChunkSize(line, out var size))
                    {
                        throw new HttpWireProtocolException($"malformed chunk-size line '{HttpSyntax.Show(line)}' after {BytesDecoded} body bytes (not hex, or a size that overflows)");
                    }
                    _lines.Reset();
                    if (size == 0)
                    {
                        // last-chunk: the trailer section follows (7.1.2).
                        _state = State.Trailers;
                    }
                    else
                    {
                        ChunkCount++;
                        _remaining = size;
                        _state = State.Data;
                    }
                    break;

                case State.DataEnd:
                    // chunk-data CRLF: exactly CRLF (or a bare LF, 2.2) must follow the data.
                    if (rest[0] == '\r' && !_sawCr)
                    {
                        _sawCr = true;
                        consumed++;
                        break;
                    }
                    if (rest[0] != '\n')
                    {
                        throw new HttpWireProtocolException($"chunk data not followed by CRLF after {BytesDecoded} body bytes (the chunk is longer than its size says)");
                    }
                    consumed++;
                    _sawCr = false;
                    _state = State.Size;
                    break;

                case State.Trailers:
                    if (!_lines.TryTakeLine(rest, _limits.MaxLineBytes, _limits.MaxHeaderSectionBytes, "trailer section", out used, out line))
                    {
                        consumed += used;
                        return HttpReadStatus.NeedMoreData;
                    }
                    consumed += used;
                    if (line.IsEmpty)
                    {
                        _state = State.Done;
                        return HttpReadStatus.Complete;
                    }
                    if (!HttpHeaderField.TryParse(line, out var field))
                    {
                        throw new HttpWireProtocolException($"malformed trailer field '{HttpSyntax.Show(line)}' (RFC 9112 section 5 wants 'Name: value')");
                    }
                    _trailers.Add(field);
                    break;
            }
        }
    }

    /// <summary>
    /// Parses a chunk-size line without its CRLF: <c>chunk-size = 1*HEXDIG</c>, then optional
    /// <c>BWS ";" chunk-ext</c>, which is ignored (RFC 9112 section 7.1.1). Fails on no digits, other text,
    /// or a size beyond <see cref="long.MaxValue"/>.
    /// </summary>
    public static bool TryParseChunkSize(ReadOnlySpan<byte> line, out long size)
    {
        size = 0;
        var i = 0;
        while (i < line.Length && char.IsAsciiHexDigit((char)line[i]))
        {
            if (size > (long.MaxValue >> 4))
            {
                // One more digit would overflow: a smuggling and resource-exhaustion vector, refused.
                size = 0;
                return false;
            }
            size = (size << 4) | (long)HexValue(line[i]);
            i++;
        }
        if (i == 0)
        {
            return false;
        }
        while (i < line.Length && HttpSyntax.IsOws(line[i]))
        {
            i++;
        }
        if (i < line.Length && line[i] != ';')
        {
            size = 0;
            return false;
        }
        return true;
    }

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
