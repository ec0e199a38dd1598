using System.Globalization;

namespace Sockit.Http;

/// <summary>
/// Reads one HTTP/1.x response from bytes fed in pieces of any size, and decides where it ends exactly as
/// RFC 9112 section 6.3 says: never by how much one receive returned. Body bytes come back as slices of the
/// caller's input, without copying; only the head, chunk-size lines and trailers are buffered, within
/// <see cref="HttpReaderLimits"/>.
/// </summary>
/// <example>
/// <code>
/// var reader = new HttpResponseReader(requestMethod: "GET");
/// while (!reader.IsComplete)
/// {
///     var n = await stream.ReadAsync(buffer);
///     if (n == 0) { reader.EndOfStream(); break; }   // throws when the response was cut short
///     var input = buffer.AsSpan(0, n);
///     while (true)
///     {
///         var status = reader.Read(input, out var consumed, out var body);
///         input = input[consumed..];
///         if (status == HttpReadStatus.Body) output.Write(body);
///         else if (status is HttpReadStatus.NeedMoreData or HttpReadStatus.Complete) break;
///     }
/// }
/// </code>
/// </example>
public sealed class HttpResponseReader
{
    private readonly HttpReaderLimits _limits;
    private readonly bool _isHeadRequest;
    private readonly LineAccumulator _lines = new();
    private readonly List<HttpResponseHead> _interim = [];
    private long _interimBytes;
    private List<HttpHeaderField> _fields = [];
    private HttpStatusLine? _statusLine;
    private ChunkedDecoder? _chunked;
    private State _state = State.Head;
    private long _bytesFed;

    /// <summary>Creates a reader for the response to a request with method <paramref name="requestMethod"/> (a HEAD response has no body).</summary>
    public HttpResponseReader(string requestMethod = "GET", HttpReaderLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(requestMethod);
        _isHeadRequest = string.Equals(requestMethod, "HEAD", StringComparison.OrdinalIgnoreCase);
        _limits = limits ?? HttpReaderLimits.Default;
    }

    private enum State
    {
        Head,
        ContentLength,
        Chunked,
        UntilClose,
        Complete,
    }

    /// <summary>The final response head, once <see cref="HttpReadStatus.Head"/> was returned.</summary>
    public HttpResponseHead? Head { get; private set; }

    /// <summary>
    /// The interim (1xx) responses read before the final one, which are otherwise skipped: at most
    /// <see cref="HttpReaderLimits.MaxInterimHeads"/> of them, <see cref="HttpReaderLimits.MaxInterimBytes"/> in all.
    /// </summary>
    public IReadOnlyList<HttpResponseHead> InterimHeads => _interim;

    /// <summary>How the body's length is determined; <see cref="HttpBodyFraming.Unknown"/> until the final head is read.</summary>
    public HttpBodyFraming Framing { get; private set; }

    /// <summary>The Content-Length when <see cref="Framing"/> is <see cref="HttpBodyFraming.ContentLength"/>.</summary>
    public long? ContentLength { get; private set; }

    /// <summary>Body bytes returned so far (decoded, for chunked).</summary>
    public long BodyBytesRead { get; private set; }

    /// <summary>The trailer fields of a chunked body (RFC 9112 section 7.1.2), once complete.</summary>
    public IReadOnlyList<HttpHeaderField> Trailers => _chunked?.Trailers ?? [];

    /// <summary>Whether the whole response has been read.</summary>
    public bool IsComplete => _state == State.Complete;

    /// <summary>
    /// Consumes bytes of <paramref name="input"/> and says what they completed: <see cref="HttpReadStatus.InterimHead"/>,
    /// <see cref="HttpReadStatus.Head"/>, <see cref="HttpReadStatus.Body"/> (with <paramref name="body"/> a slice of
    /// <paramref name="input"/>), <see cref="HttpReadStatus.Complete"/>, or <see cref="HttpReadStatus.NeedMoreData"/>
    /// when all of it was consumed. Call again with the rest of the input until it says NeedMoreData or Complete.
    /// Throws <see cref="HttpWireProtocolException"/> when the response is malformed.
    /// </summary>
    public HttpReadStatus Read(ReadOnlySpan<byte> input, out int consumed, out ReadOnlySpan<byte> body)
    {
        body = default;
        consumed = 0;
        HttpReadStatus status;
        switch (_state)
        {
            case State.Head:
                status = ReadHead(input, out consumed);
                break;

            case State.ContentLength:
                // 6.3 rule 6: exactly Content-Length octets.
                var n = (int)Math.Min(ContentLength!.Value - BodyBytesRead, input.Length);
                body = input[..n];
                consumed = n;
                BodyBytesRead += n;
                if (BodyBytesRead == ContentLength.Value)
                {
                    _state = State.Complete;
                }
                status = n > 0 ? HttpReadStatus.Body : _state == State.Complete ? HttpReadStatus.Complete : HttpReadStatus.NeedMoreData;
                break;

            case State.Chunked:
                status = _chunked!.Decode(input, out consumed, out body);
                BodyBytesRead += body.Length;
                if (status == HttpReadStatus.Complete)
                {
                    _state = State.Complete;
                }
                break;

            case State.UntilClose:
                body = input;
                consumed = input.Length;
                BodyBytesRead += input.Length;
                status = input.IsEmpty ? HttpReadStatus.NeedMoreData : HttpReadStatus.Body;
                break;

            default:
                status = HttpReadStatus.Complete;
                break;
        }
        _bytesFed += consumed;
        return status;
    }

    /// <summary>
    /// The Content-Length body bytes still to come, once the head is read; 0 for any other framing or state. What a caller
    /// may move past the reader (<see cref="SkipBody"/>) instead of feeding it.
    /// </summary>
    internal long ContentLengthLeft => _state == State.ContentLength ? ContentLength!.Value - BodyBytesRead : 0;

    /// <summary>Counts <paramref name="count"/> Content-Length body bytes the caller moved without feeding them (at most <see cref="ContentLengthLeft"/>).</summary>
    internal void SkipBody(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, ContentLengthLeft);
        BodyBytesRead += count;
        _bytesFed += count;
        if (BodyBytesRead == ContentLength)
        {
            _state = State.Complete;
        }
    }

    /// <summary>
    /// Tells the reader the peer closed the connection. Completes a body read until close (6.3 rule 8); throws
    /// <see cref="HttpWireProtocolException"/> with <see cref="SockitFailure.Truncated"/> when the response was cut short.
    /// </summary>
    public void EndOfStream()
    {
        switch (_state)
        {
            case State.Complete:
                return;
            case State.UntilClose:
                _state = State.Complete;
                return;
            case State.Head when _bytesFed == 0:
                throw new HttpWireProtocolException("the server closed the connection without sending a response", SockitFailure.Truncated);
            case State.Head:
                throw new HttpWireProtocolException($"the server closed the connection in the middle of the response head (after {_bytesFed} bytes)", SockitFailure.Truncated);
            case State.ContentLength:
                throw new HttpWireProtocolException($"body cut short: received {BodyBytesRead} of {ContentLength} bytes (the server closed the connection early)", SockitFailure.Truncated);
            default:
                throw new HttpWireProtocolException($"chunked body cut short: the server closed the connection after {BodyBytesRead} body bytes, before the last chunk", SockitFailure.Truncated);
        }
    }

    private HttpReadStatus ReadHead(ReadOnlySpan<byte> input, out int consumed)
    {
        consumed = 0;
        while (consumed < input.Length)
        {
            var what = _statusLine is null ? "status line" : "header section";
            if (!_lines.TryTakeLine(input[consumed..], _limits.MaxLineBytes, _limits.MaxHeaderSectionBytes, what, out var used, out var line))
            {
                consumed += used;
                return HttpReadStatus.NeedMoreData;
            }
            consumed += used;
            if (_statusLine is null)
            {
                if (line.IsEmpty)
                {
                    // RFC 9112 section 2.2: be robust and ignore empty lines before the start line (aiohttp sends
                    // "100 Continue\r\n\r\n\r\n" before its final response). They stay in the accumulator, so
                    // MaxHeaderSectionBytes still bounds how many.
                    continue;
                }
                if (!HttpStatusLine.TryParse(line, out var statusLine))
                {
                    throw new HttpWireProtocolException($"malformed status line '{HttpSyntax.Show(line)}' (RFC 9112 section 4 wants 'HTTP/1.1 200 OK'; is this an HTTP server?)");
                }
                _statusLine = statusLine;
            }
            else if (line.IsEmpty)
            {
                return FinishHead();
            }
            else if (HttpSyntax.IsOws(line[0]))
            {
                // obs-fold (RFC 9112 5.2): a user agent replaces it with SP and goes on.
                if (_fields.Count == 0)
                {
                    throw new HttpWireProtocolException($"malformed header section: a continuation line before any field: '{HttpSyntax.Show(line)}'");
                }
                var folded = HttpSyntax.TrimOws(line);
                if (!HttpSyntax.IsFieldValue(folded))
                {
                    throw new HttpWireProtocolException($"malformed header field continuation '{HttpSyntax.Show(line)}'");
                }
                var last = _fields[^1];
                if (folded.IsEmpty)
                {
                    // A continuation of whitespace only adds nothing: the value keeps no trailing space (found by fuzzing).
                    continue;
                }
                _fields[^1] = last with { Value = last.Value.Length == 0 ? System.Text.Encoding.Latin1.GetString(folded) : last.Value + " " + System.Text.Encoding.Latin1.GetString(folded) };
            }
            else if (HttpHeaderField.TryParse(line, out var field))
            {
                _fields.Add(field);
            }
            else
            {
                throw new HttpWireProtocolException($"malformed header field '{HttpSyntax.Show(line)}' (RFC 9112 section 5 wants 'Name: value', no space before the colon)");
            }
        }
        return HttpReadStatus.NeedMoreData;
    }

    private HttpReadStatus FinishHead()
    {
        var head = new HttpResponseHead(_statusLine!.Value, _fields);
        var headBytes = _lines.Length;
        _statusLine = null;
        _fields = [];
        _lines.Reset();
        if (head.IsInterim)
        {
            if (head.StatusCode == 101)
            {
                throw new HttpWireProtocolException("the server switched protocols (101) although no upgrade was asked for");
            }
            // RFC 9110 15.2: a client must be able to parse one or more 1xx responses before the final one; skip them.
            // Kept for the caller to show, so bounded: a server sending them without end is refused, not remembered.
            _interimBytes += headBytes;
            if (_interim.Count == _limits.MaxInterimHeads)
            {
                throw new HttpWireProtocolException(
                    $"the server sent more than {_limits.MaxInterimHeads} interim (1xx) responses without a final one (the limit; the response is malformed or hostile)")
                {
                    LimitName = nameof(HttpReaderLimits.MaxInterimHeads),
                    LimitValue = _limits.MaxInterimHeads,
                };
            }
            if (_interimBytes > _limits.MaxInterimBytes)
            {
                throw new HttpWireProtocolException(
                    $"the interim (1xx) responses before the final one are larger than {_limits.MaxInterimBytes} bytes (the limit; the response is malformed or hostile)")
                {
                    LimitName = nameof(HttpReaderLimits.MaxInterimBytes),
                    LimitValue = _limits.MaxInterimBytes,
                };
            }
            _interim.Add(head);
            return HttpReadStatus.InterimHead;
        }
        Head = head;
        DecideFraming(head);
        return HttpReadStatus.Head;
    }

    // RFC 9112 section 6.3, in its order.
    private void DecideFraming(HttpResponseHead head)
    {
        var transferEncoding = head.GetValues("Transfer-Encoding").ToList();
        var contentLength = head.GetValues("Content-Length").ToList();

        // Rule 1: a response to HEAD, and 1xx (handled before), 204 and 304 end at the header section.
        if (_isHeadRequest || head.StatusCode is 204 or 304)
        {
            SetFraming(HttpBodyFraming.None, State.Complete);
            return;
        }
        if (transferEncoding.Count > 0)
        {
            // Rule 3: both is how responses are smuggled; a client must close the connection. sockit refuses it.
            if (contentLength.Count > 0)
            {
                throw new HttpWireProtocolException("the response has both Transfer-Encoding and Content-Length (RFC 9112 section 6.3 rule 3: a response smuggling risk); refused");
            }
            // 6.1: Transfer-Encoding in an HTTP/1.0 message means the framing is faulty.
            if (head.Version.Minor == 0)
            {
                throw new HttpWireProtocolException("an HTTP/1.0 response with Transfer-Encoding (RFC 9112 section 6.1: faulty framing); refused");
            }
            // Rule 4: chunked as the final coding, else until the server closes.
            var codings = string.Join(',', transferEncoding).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (codings.Length > 0 && string.Equals(codings[^1], "chunked", StringComparison.OrdinalIgnoreCase))
            {
                _chunked = new ChunkedDecoder(_limits);
                SetFraming(HttpBodyFraming.Chunked, State.Chunked);
            }
            else
            {
                SetFraming(HttpBodyFraming.UntilClose, State.UntilClose);
            }
            return;
        }
        if (contentLength.Count > 0)
        {
            // Rule 5: an invalid Content-Length, or differing values, is unrecoverable. Identical repeats ("5, 5") are accepted.
            long? length = null;
            foreach (var element in string.Join(',', contentLength).Split(','))
            {
                var text = element.Trim(' ', '\t');
                if (text.Length == 0 || !text.All(char.IsAsciiDigit)
                    || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
                {
                    throw new HttpWireProtocolException($"invalid Content-Length '{string.Join(", ", contentLength)}' (RFC 9112 section 6.3 rule 5)");
                }
                if (length is not null && length != value)
                {
                    throw new HttpWireProtocolException($"differing Content-Length values '{string.Join(", ", contentLength)}' (RFC 9112 section 6.3 rule 5: a response smuggling risk); refused");
                }
                length = value;
            }
            ContentLength = length;
            // Rule 6.
            SetFraming(HttpBodyFraming.ContentLength, length == 0 ? State.Complete : State.ContentLength);
            return;
        }
        // Rule 8: a response without either is read until the server closes the connection.
        SetFraming(HttpBodyFraming.UntilClose, State.UntilClose);
    }

    private void SetFraming(HttpBodyFraming framing, State state)
    {
        Framing = framing;
        _state = state;
    }
}
