namespace Sockit.Http;

/// <summary>
/// Decodes the chunked transfer coding (RFC 9112 section 7.1) from pieces of any size, without copying chunk data:
/// <c>chunk-size [ chunk-ext ] CRLF chunk-data CRLF ... last-chunk trailer-section CRLF</c>.
/// Chunk extensions are checked against their grammar and then ignored (7.1.1); trailer fields are kept in
/// <see cref="Trailers"/> (7.1.2).
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
                        throw new HttpWireProtocolException($"malformed chunk-size line '{HttpSyntax.Show(line)}' after {BytesDecoded} body bytes (RFC 9112 section 7.1 wants hex digits, then only ';name=value' extensions; or the size overflows)");
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
    /// Parses a chunk-size line without its CRLF, strictly by RFC 9112 section 7.1:
    /// <c>chunk-size [ chunk-ext ]</c> with <c>chunk-size = 1*HEXDIG</c> and
    /// <c>chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )</c>,
    /// <c>chunk-ext-name = token</c>, <c>chunk-ext-val = token / quoted-string</c>. The extensions are checked and
    /// then ignored (7.1.1). Fails on no digits, a size beyond <see cref="long.MaxValue"/>, whitespace not followed by
    /// <c>;</c> (<c>25  </c>), an extension without a name (<c>2;</c>), an unbalanced quote, or any other text.
    /// </summary>
    public static bool TryParseChunkSize(ReadOnlySpan<byte> line, out long size)
    {
        size = 0;
        var i = 0;
        long value = 0;
        while (i < line.Length && char.IsAsciiHexDigit((char)line[i]))
        {
            if (value > (long.MaxValue >> 4))
            {
                // One more digit would overflow: a smuggling and resource-exhaustion vector, refused.
                return false;
            }
            value = (value << 4) | (long)HexValue(line[i]);
            i++;
        }
        if (i == 0 || !IsChunkExtensions(line[i..]))
        {
            return false;
        }
        size = value;
        return true;
    }

    // chunk-ext = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] ) (RFC 9112 section 7.1.1): BWS only
    // before ";" and around "=", so whitespace at the end of the line ("25  ") or a ";" without a name ("2;") is invalid.
    private static bool IsChunkExtensions(ReadOnlySpan<byte> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            i = SkipBws(text, i);
            if (i == text.Length || text[i] != ';')
            {
                return false;
            }
            i = SkipBws(text, i + 1);
            var nameEnd = SkipToken(text, i);
            if (nameEnd == i)
            {
                return false;
            }
            i = nameEnd;
            var afterName = SkipBws(text, i);
            if (afterName < text.Length && text[afterName] == '=')
            {
                i = SkipBws(text, afterName + 1);
                var valueEnd = i < text.Length && text[i] == '"' ? SkipQuotedString(text, i) : SkipToken(text, i);
                if (valueEnd <= i)
                {
                    return false;
                }
                i = valueEnd;
            }
        }
        return true;
    }

    private static int SkipBws(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && HttpSyntax.IsOws(text[i]))
        {
            i++;
        }
        return i;
    }

    private static int SkipToken(ReadOnlySpan<byte> text, int i)
    {
        while (i < text.Length && HttpSyntax.IsTokenChar(text[i]))
        {
            i++;
        }
        return i;
    }

    // quoted-string = DQUOTE *( qdtext / quoted-pair ) DQUOTE (RFC 9110 section 5.6.4); the index after the closing
    // DQUOTE, or -1 when the quote is not closed (an unbalanced quote) or holds a control character.
    private static int SkipQuotedString(ReadOnlySpan<byte> text, int i)
    {
        i++;
        while (i < text.Length)
        {
            var b = text[i];
            if (b == '"')
            {
                return i + 1;
            }
            if (b == '\\')
            {
                // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
                if (i + 1 == text.Length || !IsQuotable(text[i + 1]))
                {
                    return -1;
                }
                i += 2;
                continue;
            }
            if (!IsQuotable(b))
            {
                return -1;
            }
            i++;
        }
        return -1;
    }

    // HTAB / SP / VCHAR / obs-text: every byte but the other controls and DEL.
    private static bool IsQuotable(byte b) => b == '\t' || (b >= 0x20 && b != 0x7F);

    private static int HexValue(byte b) => b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
}
