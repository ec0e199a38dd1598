namespace Sockit.Http;

/// <summary>
/// Collects the lines of a header section (or one chunk-size line) from pieces of any size, enforcing the line and
/// section limits. Lines end in CRLF; a bare LF is accepted as RFC 9112 section 2.2 allows.
/// </summary>
internal sealed class LineAccumulator
{
    private byte[] _buffer = new byte[512];
    private int _length;
    private int _lineStart;

    /// <summary>Bytes held since the last <see cref="Reset"/>.</summary>
    public int Length => _length;

    public void Reset()
    {
        _length = 0;
        _lineStart = 0;
    }

    /// <summary>
    /// Takes bytes from <paramref name="input"/> up to and including the next LF. True when a line completed; then
    /// <paramref name="line"/> is that line without its CRLF (or LF), valid until the next call.
    /// </summary>
    public bool TryTakeLine(ReadOnlySpan<byte> input, int maxLine, int maxTotal, string what, out int consumed, out ReadOnlySpan<byte> line)
    {
        var lf = input.IndexOf((byte)'\n');
        var take = lf < 0 ? input.Length : lf + 1;
        // Where, counting the bytes taken now from 1, each limit is crossed. The first crossed in the byte stream is the
        // one reported, so that the same response names the same limit however it is cut into pieces.
        var lineBefore = _length - _lineStart;
        var lineBytes = lineBefore + (lf < 0 ? take : take - 1);
        var lineCross = int.MaxValue;
        if (lineBytes > maxLine + 1)
        {
            // Longer than maxLine even if its last byte were the CR of its CRLF: crossed at byte maxLine + 2.
            lineCross = maxLine + 2 - lineBefore;
        }
        else if (lf >= 0 && lineBytes == maxLine + 1 && !EndsInCr(input, lf))
        {
            lineCross = take;
        }
        var sectionCross = _length + take > maxTotal ? maxTotal - _length + 1 : int.MaxValue;
        if (lineCross <= sectionCross && lineCross != int.MaxValue)
        {
            throw LimitCrossed($"a line in the {what} is longer than {maxLine} bytes (the limit; the response is malformed or hostile)", nameof(HttpReaderLimits.MaxLineBytes), maxLine);
        }
        if (sectionCross != int.MaxValue)
        {
            throw LimitCrossed($"the {what} is larger than {maxTotal} bytes (the limit; the response is malformed or hostile)", nameof(HttpReaderLimits.MaxHeaderSectionBytes), maxTotal);
        }
        if (_length + take > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(_length + take, Math.Min(_buffer.Length * 2, Math.Max(maxTotal, 1))));
        }
        input[..take].CopyTo(_buffer.AsSpan(_length));
        _length += take;
        consumed = take;
        if (lf < 0)
        {
            line = default;
            return false;
        }
        var end = _length - 1;
        if (end > _lineStart && _buffer[end - 1] == '\r')
        {
            end--;
        }
        line = _buffer.AsSpan(_lineStart, end - _lineStart);
        _lineStart = _length;
        // RFC 9112 2.2: a bare CR anywhere else in a line is invalid.
        if (line.Contains((byte)'\r'))
        {
            throw new HttpWireProtocolException($"a line in the {what} holds a bare CR: '{HttpSyntax.Show(line)}'");
        }
        return true;
    }

    // Whether the byte before the LF at input[lf] (in input, or the last one buffered) is a CR.
    private bool EndsInCr(ReadOnlySpan<byte> input, int lf) =>
        lf > 0 ? input[lf - 1] == '\r' : _length > _lineStart && _buffer[_length - 1] == '\r';

    private static HttpWireProtocolException LimitCrossed(string message, string limitName, long limitValue) =>
        new(message) { LimitName = limitName, LimitValue = limitValue };
}
