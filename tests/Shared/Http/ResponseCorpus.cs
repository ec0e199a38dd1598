using System.Text;

namespace Sockit.Testing.Http;

/// <summary>
/// Hand-written malformed and edge-case HTTP/1.x responses, each with the outcome RFC 9112 (and sockit's documented
/// choices in docs/RELIABILITY.md) gives it: a final status and body, refused as a protocol error (exit 76), or cut
/// short (exit 74). The tests feed each one whole, byte by byte, cut at every offset, and a sample through
/// <c>sockit get</c>. The wire text is written by hand; a comment per case says what it tries.
/// </summary>
public static class ResponseCorpus
{
    private const string Ok0 = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    private const string ChunkedHead = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";

    // tchar (RFC 9110 section 5.6.2), written out from the RFC: the oracle for the field-name family.
    private const string TokenChars = "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>Every case: the hand-written ones, then the generated families.</summary>
    public static IReadOnlyList<CorpusCase> All { get; } = [.. HandWritten(), .. ControlBytes(), .. FieldNameBytes()];

    private static CorpusCase Ok(string name, string wire, int status, string body = "", string method = "GET") =>
        new(name, wire, CorpusOutcome.Complete, status, body, method);

    private static CorpusCase Refused(string name, string wire, string method = "GET") => new(name, wire, CorpusOutcome.Protocol, 0, "", method);

    private static CorpusCase Cut(string name, string wire) => new(name, wire, CorpusOutcome.Truncated, 0, "", "GET");

    private static IEnumerable<CorpusCase> HandWritten() =>
    [
        // --- Status lines (RFC 9112 section 4) ---
        Ok("plain 200 with an empty body", Ok0, 200),
        Ok("HTTP/1.0 without framing: read until close (6.3 rule 8)", "HTTP/1.0 200 OK\r\n\r\nabc", 200, "abc"),
        Ok("no reason phrase and no SP after the code (accepted as servers send it)", "HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", 200),
        Ok("empty reason phrase after the SP", "HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n", 200),
        Ok("the highest status code, 599", "HTTP/1.1 599 Custom\r\nContent-Length: 0\r\n\r\n", 599),
        Ok("a 404 is a response like any other", "HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nnot", 404, "not"),
        Ok("a higher minor version is HTTP/1.x (2.3)", "HTTP/1.9 200 OK\r\nContent-Length: 1\r\n\r\nx", 200, "x"),
        Ok("obs-text in the reason phrase", "HTTP/1.1 200 Caf\xe9\r\nContent-Length: 0\r\n\r\n", 200),
        Ok("HTAB in the reason phrase", "HTTP/1.1 200 O\tK\r\nContent-Length: 0\r\n\r\n", 200),
        Ok("reason phrase with spaces and symbols", "HTTP/1.1 200 All good: yes (really) !\r\nContent-Length: 0\r\n\r\n", 200),
        Refused("status code 600 is out of range", "HTTP/1.1 600 X\r\nContent-Length: 0\r\n\r\n"),
        Refused("status code 099", "HTTP/1.1 099 X\r\nContent-Length: 0\r\n\r\n"),
        Refused("status code 000", "HTTP/1.1 000 X\r\nContent-Length: 0\r\n\r\n"),
        Refused("two-digit status code", "HTTP/1.1 20 OK\r\n\r\n"),
        Refused("four-digit status code", "HTTP/1.1 2000 OK\r\n\r\n"),
        Refused("letters in the status code", "HTTP/1.1 2x0 OK\r\n\r\n"),
        Refused("a negative status code", "HTTP/1.1 -200 OK\r\n\r\n"),
        Refused("no SP between code and reason", "HTTP/1.1 200OK\r\n\r\n"),
        Refused("HTTP/2.0 is not HTTP/1.x", "HTTP/2.0 200 OK\r\n\r\n"),
        Refused("HTTP/2 without a minor version", "HTTP/2 200 OK\r\n\r\n"),
        Refused("HTTP/0.9 version in a status line", "HTTP/0.9 200 OK\r\n\r\n"),
        Refused("HTTP/11 without the dot", "HTTP/11 200 OK\r\n\r\n"),
        Refused("HTTP/1. without a minor digit", "HTTP/1. 200 OK\r\n\r\n"),
        Refused("HTTP/1.x with a letter", "HTTP/1.x 200 OK\r\n\r\n"),
        Refused("lowercase http (the name is case-sensitive, 2.3)", "http/1.1 200 OK\r\n\r\n"),
        Refused("two spaces after the version", "HTTP/1.1  200 OK\r\n\r\n"),
        Refused("HTAB after the version", "HTTP/1.1\t200 OK\r\n\r\n"),
        Refused("a space before the version", " HTTP/1.1 200 OK\r\n\r\n"),
        Refused("a whitespace-only line is not an empty line", " \r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"),
        Refused("ICY, a Shoutcast status line", "ICY 200 OK\r\n\r\n"),
        Refused("an SSH banner", "SSH-2.0-OpenSSH_9.6\r\n"),
        Refused("an SMTP greeting", "220 mail.example ESMTP\r\n"),
        Refused("a control character in the reason", "HTTP/1.1 200 O\x01K\r\n\r\n"),
        Refused("DEL in the reason", "HTTP/1.1 200 O\x7fK\r\n\r\n"),
        Refused("a bare CR inside the status line (2.2)", "HTTP/1.1 200 O\rK\r\nContent-Length: 0\r\n\r\n"),
        Refused("CR CR LF after the status line", "HTTP/1.1 200 OK\r\r\nContent-Length: 0\r\n\r\n"),
        Refused("NUL in the status line", "HTTP/1.1 200 \0OK\r\n\r\n"),
        Refused("an HTTP request instead of a response", "GET / HTTP/1.1\r\nHost: x\r\n\r\n"),

        // --- Empty lines before the status line (2.2: ignore at least one) ---
        Ok("one CRLF before the status line", "\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx", 200, "x"),
        Ok("two bare LFs before the status line", "\n\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx", 200, "x"),
        Ok("three CRLFs before the status line", "\r\n\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx", 200, "x"),
        Ok("aiohttp: an extra CRLF after 100 Continue", "HTTP/1.1 100 Continue\r\n\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\nnot", 404, "not"),
        Cut("only empty lines, then the server closes", "\r\n\r\n"),

        // --- Cut short in the head ---
        Cut("nothing at all", ""),
        Cut("a status line without its end", "HTTP/1.1 200 OK"),
        Cut("a status line ending in CR only", "HTTP/1.1 200 OK\r"),
        Cut("a status line and nothing more", "HTTP/1.1 200 OK\r\n"),
        Cut("a field and no empty line", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n"),
        Cut("the empty line half sent", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r"),
        Cut("half a field name", "HTTP/1.1 200 OK\r\nContent-Le"),

        // --- Interim responses (RFC 9110 section 15.2) ---
        Ok("100 Continue, then 200", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 200, "ok"),
        Ok("103 Early Hints with a Link, then 200", "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok", 200, "ok"),
        Ok("102 Processing, then 200", "HTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 200),
        Ok("two interim heads", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n", 201),
        Ok("32 interim heads, the limit", string.Concat(Enumerable.Repeat("HTTP/1.1 100 Continue\r\n\r\n", 32)) + Ok0, 200),
        Refused("33 interim heads, one over the limit", string.Concat(Enumerable.Repeat("HTTP/1.1 100 Continue\r\n\r\n", 33)) + Ok0),
        Refused("interim heads over 64 KiB in all", string.Concat(Enumerable.Repeat("HTTP/1.1 103 Early Hints\r\nLink: <" + new string('a', 8000) + ">\r\n\r\n", 9)) + Ok0),
        Ok("an interim head's Content-Length does not frame the final response", "HTTP/1.1 100 Continue\r\nContent-Length: 5\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx", 200, "x"),
        Ok("an interim head's Transfer-Encoding does not either", "HTTP/1.1 100 Continue\r\nTransfer-Encoding: chunked\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx", 200, "x"),
        Ok("199 is interim too", "HTTP/1.1 199 Whatever\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 200),
        Ok("an interim head before a HEAD response", "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", 200, "", "HEAD"),
        Refused("101 Switching Protocols without an upgrade asked", "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n"),
        Refused("garbage after an interim head", "HTTP/1.1 100 Continue\r\n\r\nnot a status line\r\n\r\n"),
        Cut("an interim head and then the server closes", "HTTP/1.1 100 Continue\r\n\r\n"),

        // --- Field lines (RFC 9112 section 5, RFC 9110 section 5.5) ---
        Ok("a field without OWS", "HTTP/1.1 200 OK\r\nX:y\r\nContent-Length: 0\r\n\r\n", 200),
        Ok("OWS around a value", "HTTP/1.1 200 OK\r\nX:  \t y \t \r\nContent-Length: 0\r\n\r\n", 200),
        Ok("an empty field value", "HTTP/1.1 200 OK\r\nX:\r\nContent-Length: 0\r\n\r\n", 200),
        Ok("obs-text in a value", "HTTP/1.1 200 OK\r\nX: \xff\xfe\x80\r\nContent-Length: 0\r\n\r\n", 200),
        Ok("the same field twice", "HTTP/1.1 200 OK\r\nX: 1\r\nX: 2\r\nContent-Length: 0\r\n\r\n", 200),
        Ok("every tchar in a name", "HTTP/1.1 200 OK\r\n!#$%&'*+-.^_`|~09azAZ: v\r\nContent-Length: 0\r\n\r\n", 200),
        Ok("a colon in the value", "HTTP/1.1 200 OK\r\nX: a:b::c\r\nContent-Length: 0\r\n\r\n", 200),
        Ok("bare LF line ends throughout (2.2)", "HTTP/1.1 200 OK\nContent-Length: 2\n\nhi", 200, "hi"),
        Ok("CRLF and LF mixed", "HTTP/1.1 200 OK\r\nX: y\nContent-Length: 2\r\n\nhi", 200, "hi"),
        Ok("obs-fold with SP (5.2: replaced by SP)", "HTTP/1.1 200 OK\r\nX: a\r\n b\r\nContent-Length: 0\r\n\r\n", 200),
        Ok("obs-fold with HTAB", "HTTP/1.1 200 OK\r\nX: a\r\n\tb\r\nContent-Length: 0\r\n\r\n", 200),
        Ok("obs-fold over three lines", "HTTP/1.1 200 OK\r\nX: a\r\n b\r\n  c\r\nContent-Length: 1\r\n\r\nz", 200, "z"),
        Ok("a thousand small fields within the limits", "HTTP/1.1 200 OK\r\n" + string.Concat(Enumerable.Range(0, 1000).Select(i => $"X{i}: v\r\n")) + "Content-Length: 0\r\n\r\n", 200),
        Ok("a field line of exactly 8192 bytes", "HTTP/1.1 200 OK\r\nX: " + new string('a', 8192 - 3) + "\r\nContent-Length: 0\r\n\r\n", 200),
        Refused("a field line of 8193 bytes", "HTTP/1.1 200 OK\r\nX: " + new string('a', 8193 - 3) + "\r\nContent-Length: 0\r\n\r\n"),
        Refused("a header section over 64 KiB", "HTTP/1.1 200 OK\r\n" + string.Concat(Enumerable.Range(0, 70).Select(i => $"X{i}: {new string('v', 1000)}\r\n")) + "\r\n"),
        Refused("a space before the colon (5.1: reject)", "HTTP/1.1 200 OK\r\nContent-Length : 0\r\n\r\n"),
        Refused("HTAB before the colon", "HTTP/1.1 200 OK\r\nX\t: y\r\n\r\n"),
        Refused("an empty field name", "HTTP/1.1 200 OK\r\n: y\r\n\r\n"),
        Refused("no colon", "HTTP/1.1 200 OK\r\nNo colon here\r\n\r\n"),
        Refused("a space inside the name", "HTTP/1.1 200 OK\r\nBad Name: y\r\n\r\n"),
        Refused("obs-text in the name", "HTTP/1.1 200 OK\r\nX-\xc4: y\r\n\r\n"),
        Refused("NUL in a value", "HTTP/1.1 200 OK\r\nX: a\0b\r\n\r\n"),
        Refused("a bare CR in a value (2.2)", "HTTP/1.1 200 OK\r\nX: a\rb\r\n\r\n"),
        Refused("a bare CR in a name", "HTTP/1.1 200 OK\r\nX\rY: z\r\n\r\n"),
        Refused("CR CR LF after a field", "HTTP/1.1 200 OK\r\nX: y\r\r\n\r\n"),
        Refused("a lone CR as the empty line", "HTTP/1.1 200 OK\r\nX: y\r\n\r\r\n"),
        Refused("obs-fold right after the status line (nothing to continue)", "HTTP/1.1 200 OK\r\n X: a\r\n\r\n"),
        Refused("a folded Content-Length becomes '1 0', which is invalid", "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n 0\r\n\r\nx"),
        Refused("a control character in a folded line", "HTTP/1.1 200 OK\r\nX: a\r\n \x01\r\n\r\n"),

        // --- Content-Length (6.3 rules 5 and 6) ---
        Ok("Content-Length 0", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", 200),
        Ok("Content-Length 5, exactly 5 bytes", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello", 200, "hello"),
        Ok("bytes after the body are not part of it", "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcdef", 200, "abc"),
        Ok("the same length repeated in one field", "HTTP/1.1 200 OK\r\nContent-Length: 5, 5\r\n\r\nhello", 200, "hello"),
        Ok("the same length in two fields", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello", 200, "hello"),
        Ok("OWS around the length", "HTTP/1.1 200 OK\r\nContent-Length: \t5 \r\n\r\nhello", 200, "hello"),
        Ok("leading zeros in the length", "HTTP/1.1 200 OK\r\nContent-Length: 005\r\n\r\nhello", 200, "hello"),
        Ok("the field name in lower case", "HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nhi", 200, "hi"),
        Ok("a body holding CRLFs and a status line", "HTTP/1.1 200 OK\r\nContent-Length: 21\r\n\r\nHTTP/1.1 200 OK\r\n\r\n\r\n", 200, "HTTP/1.1 200 OK\r\n\r\n\r\n"),
        Ok("an HTTP/1.0 response with Content-Length", "HTTP/1.0 200 OK\r\nContent-Length: 2\r\n\r\nhi", 200, "hi"),
        Ok("HEAD: Content-Length describes a body that is not sent (rule 1)", "HTTP/1.1 200 OK\r\nContent-Length: 5000\r\n\r\n", 200, "", "HEAD"),
        Ok("204 ends at the head despite Content-Length", "HTTP/1.1 204 No Content\r\nContent-Length: 10\r\n\r\n", 204),
        Ok("304 ends at the head despite Content-Length", "HTTP/1.1 304 Not Modified\r\nContent-Length: 10\r\n\r\n", 304),
        Ok("204 ends at the head despite chunked", "HTTP/1.1 204 No Content\r\nTransfer-Encoding: chunked\r\n\r\n", 204),
        Ok("304 with an ETag and no body", "HTTP/1.1 304 Not Modified\r\nETag: \"x\"\r\n\r\n", 304),
        Cut("Content-Length 5, 3 bytes sent", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nabc"),
        Cut("Content-Length 5, no body at all", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n"),
        Cut("the largest Content-Length, a short body", "HTTP/1.1 200 OK\r\nContent-Length: 9223372036854775807\r\n\r\nabc"),
        Refused("differing lengths in two fields (smuggling)", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!"),
        Refused("differing lengths in one field", "HTTP/1.1 200 OK\r\nContent-Length: 5, 6\r\n\r\nhello!"),
        Refused("a negative length", "HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n"),
        Refused("a plus sign", "HTTP/1.1 200 OK\r\nContent-Length: +5\r\n\r\nhello"),
        Refused("a hex length", "HTTP/1.1 200 OK\r\nContent-Length: 0x10\r\n\r\n"),
        Refused("an empty length", "HTTP/1.1 200 OK\r\nContent-Length:\r\n\r\n"),
        Refused("two numbers separated by a space", "HTTP/1.1 200 OK\r\nContent-Length: 5 5\r\n\r\nhello"),
        Refused("an exponent", "HTTP/1.1 200 OK\r\nContent-Length: 1e3\r\n\r\n"),
        Refused("a length that overflows 64 bits", "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n"),
        Refused("long.MaxValue + 1", "HTTP/1.1 200 OK\r\nContent-Length: 9223372036854775808\r\n\r\n"),
        Refused("a trailing comma", "HTTP/1.1 200 OK\r\nContent-Length: 5,\r\n\r\nhello"),
        Refused("a decimal point", "HTTP/1.1 200 OK\r\nContent-Length: 5.0\r\n\r\nhello"),
        Refused("Arabic-Indic digits are not DIGIT", "HTTP/1.1 200 OK\r\nContent-Length: \xd9\xa5\r\n\r\nhello"),

        // --- Transfer-Encoding (6.1, 6.3 rules 3 and 4) ---
        Ok("chunked", ChunkedHead + "5\r\nhello\r\n0\r\n\r\n", 200, "hello"),
        Ok("Chunked in another case", "HTTP/1.1 200 OK\r\nTransfer-Encoding: Chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 200, "hello"),
        Ok("gzip, chunked: chunked is final", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", 200, "abc"),
        Ok("the codings over two fields", "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", 200, "abc"),
        Ok("chunked, gzip: not final, so until close (rule 4)", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n3\r\nabc", 200, "3\r\nabc"),
        Ok("identity: until close", "HTTP/1.1 200 OK\r\nTransfer-Encoding: identity\r\n\r\nraw", 200, "raw"),
        Ok("xchunked is not chunked", "HTTP/1.1 200 OK\r\nTransfer-Encoding: xchunked\r\n\r\nraw", 200, "raw"),
        Ok("an empty Transfer-Encoding: chunked is not final", "HTTP/1.1 200 OK\r\nTransfer-Encoding:\r\n\r\nraw", 200, "raw"),
        Ok("HEAD with chunked: no body", ChunkedHead, 200, "", "HEAD"),
        Refused("Transfer-Encoding and Content-Length (rule 3, smuggling)", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n"),
        Refused("Content-Length before Transfer-Encoding", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
        Refused("Transfer-Encoding in HTTP/1.0 (6.1)", "HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),

        // --- Chunk sizes and extensions (7.1, 7.1.1) ---
        Ok("several chunks", ChunkedHead + "4\r\nWiki\r\n5\r\npedia\r\nE\r\n in\r\n\r\nchunks.\r\n0\r\n\r\n", 200, "Wikipedia in\r\n\r\nchunks."),
        Ok("upper-case hex", ChunkedHead + "A\r\n0123456789\r\n0\r\n\r\n", 200, "0123456789"),
        Ok("lower-case hex", ChunkedHead + "a\r\n0123456789\r\n0\r\n\r\n", 200, "0123456789"),
        Ok("leading zeros in a size", ChunkedHead + "000a\r\n0123456789\r\n0\r\n\r\n", 200, "0123456789"),
        Ok("a last chunk of zeros", ChunkedHead + "1\r\nx\r\n000\r\n\r\n", 200, "x"),
        Ok("no chunk but the last", ChunkedHead + "0\r\n\r\n", 200),
        Ok("an extension with a token value", ChunkedHead + "5;a=b\r\nhello\r\n0\r\n\r\n", 200, "hello"),
        Ok("an extension without a value", ChunkedHead + "5;a\r\nhello\r\n0\r\n\r\n", 200, "hello"),
        Ok("BWS before the semicolon", ChunkedHead + "5 ;a\r\nhello\r\n0\r\n\r\n", 200, "hello"),
        Ok("BWS after the semicolon", ChunkedHead + "5; a\r\nhello\r\n0\r\n\r\n", 200, "hello"),
        Ok("BWS around the equals sign", ChunkedHead + "5;a = b\r\nhello\r\n0\r\n\r\n", 200, "hello"),
        Ok("a quoted value with a space", ChunkedHead + "5;a=\"b c\"\r\nhello\r\n0\r\n\r\n", 200, "hello"),
        Ok("a quoted value with an escaped quote", ChunkedHead + "5;a=\"b\\\"c\"\r\nhello\r\n0\r\n\r\n", 200, "hello"),
        Ok("an empty quoted value", ChunkedHead + "5;a=\"\"\r\nhello\r\n0\r\n\r\n", 200, "hello"),
        Ok("a quoted value holding ; and =", ChunkedHead + "5;a=\"x;y=z\"\r\nhello\r\n0\r\n\r\n", 200, "hello"),
        Ok("obs-text in a quoted value", ChunkedHead + "5;a=\"\xe9\"\r\nhello\r\n0\r\n\r\n", 200, "hello"),
        Ok("several extensions", ChunkedHead + "5;a=b;c;d=\"e\"\r\nhello\r\n0\r\n\r\n", 200, "hello"),
        Ok("an extension on the last chunk", ChunkedHead + "5\r\nhello\r\n0;end=1\r\n\r\n", 200, "hello"),
        Ok("bare LF framing throughout", "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n3\nabc\n0\n\n", 200, "abc"),
        Ok("LF only after the chunk data", ChunkedHead + "3\r\nabc\n0\r\n\r\n", 200, "abc"),
        Ok("bytes after the chunked body are not part of it", ChunkedHead + "3\r\nabc\r\n0\r\n\r\nHTTP/1.1 200 OK\r\n", 200, "abc"),
        Ok("chunk data holding CRLF and hex", ChunkedHead + "8\r\n0\r\n\r\nA\r\n\r\n0\r\n\r\n", 200, "0\r\n\r\nA\r\n"),
        Refused("whitespace after a size, no extension (25 SP SP)", ChunkedHead + "25  \r\n" + new string('x', 37) + "\r\n0\r\n\r\n"),
        Refused("HTAB after a size", ChunkedHead + "5\t\r\nhello\r\n0\r\n\r\n"),
        Refused("an empty extension (2;)", ChunkedHead + "2;\r\nab\r\n0\r\n\r\n"),
        Refused("an extension without a value after =", ChunkedHead + "2;a=\r\nab\r\n0\r\n\r\n"),
        Refused("an extension without a name", ChunkedHead + "2;=b\r\nab\r\n0\r\n\r\n"),
        Refused("an unbalanced quote", ChunkedHead + "2;a=\"b\r\nab\r\n0\r\n\r\n"),
        Refused("an escaped closing quote, still unbalanced", ChunkedHead + "2;a=\"b\\\"\r\nab\r\n0\r\n\r\n"),
        Refused("a quote inside a token", ChunkedHead + "2;a=b\"c\"\r\nab\r\n0\r\n\r\n"),
        Refused("text after a quoted value", ChunkedHead + "2;a=\"b\"c\r\nab\r\n0\r\n\r\n"),
        Refused("DEL in a quoted value", ChunkedHead + "2;a=\"\x7f\"\r\nab\r\n0\r\n\r\n"),
        Refused("a slash in a token value", ChunkedHead + "2;a=b/c\r\nab\r\n0\r\n\r\n"),
        Refused("whitespace at the end of an extension", ChunkedHead + "2;a=b \r\nab\r\n0\r\n\r\n"),
        Refused("two names without a semicolon", ChunkedHead + "2;a b\r\nab\r\n0\r\n\r\n"),
        Refused("a double semicolon", ChunkedHead + "2;;a\r\nab\r\n0\r\n\r\n"),
        Refused("a space before the size", ChunkedHead + " 5\r\nhello\r\n0\r\n\r\n"),
        Refused("a 0x prefix", ChunkedHead + "0x5\r\nhello\r\n0\r\n\r\n"),
        Refused("a negative size", ChunkedHead + "-5\r\nhello\r\n0\r\n\r\n"),
        Refused("a plus sign before the size", ChunkedHead + "+5\r\nhello\r\n0\r\n\r\n"),
        Refused("an empty size line", ChunkedHead + "\r\nhello\r\n0\r\n\r\n"),
        Refused("a size that is not hex", ChunkedHead + "g\r\nhello\r\n0\r\n\r\n"),
        Refused("a size of 17 hex digits overflows 64 bits", ChunkedHead + "10000000000000000\r\n"),
        Refused("sixteen f's overflows a signed 64-bit size", ChunkedHead + "ffffffffffffffff\r\n"),
        Refused("a chunk longer than its size", ChunkedHead + "3\r\nabcd\r\n0\r\n\r\n"),
        Refused("a chunk shorter than its size", ChunkedHead + "5\r\nabc\r\n0\r\n\r\n"),
        Refused("CR CR LF after chunk data", ChunkedHead + "3\r\nabc\r\r\n0\r\n\r\n"),
        Refused("CR then another byte after chunk data", ChunkedHead + "3\r\nabc\rX0\r\n\r\n"),
        Refused("a bare CR inside a size line", ChunkedHead + "3\r;a\r\nabc\r\n0\r\n\r\n"),
        Refused("a chunk-size line over 8 KiB", ChunkedHead + "1;a=" + new string('b', 8200) + "\r\nx\r\n0\r\n\r\n"),
        Cut("the largest size, a short chunk", ChunkedHead + "7fffffffffffffff\r\nabc"),
        Cut("chunk data, then the server closes", ChunkedHead + "3\r\nabc"),
        Cut("chunk data and CRLF, no last chunk", ChunkedHead + "3\r\nabc\r\n"),
        Cut("a size line without its end", ChunkedHead + "3"),
        Cut("the last chunk without the final CRLF", ChunkedHead + "3\r\nabc\r\n0\r\n"),
        Cut("the last chunk and a trailer, no final CRLF", ChunkedHead + "0\r\nT: 1\r\n"),
        Cut("chunked head and nothing more", ChunkedHead),

        // --- Trailers (7.1.2) ---
        Ok("one trailer field", ChunkedHead + "3\r\nabc\r\n0\r\nExpires: never\r\n\r\n", 200, "abc"),
        Ok("several trailer fields", ChunkedHead + "3\r\nabc\r\n0\r\nA: 1\r\nB: 2\r\nC:\r\n\r\n", 200, "abc"),
        Ok("a trailer with obs-text", ChunkedHead + "0\r\nX: \xe9\r\n\r\n", 200),
        Ok("a trailer named Content-Length does not frame anything", ChunkedHead + "3\r\nabc\r\n0\r\nContent-Length: 99\r\n\r\n", 200, "abc"),
        Ok("bare LF trailers", ChunkedHead + "0\nT: 1\n\n", 200),
        Refused("a malformed trailer field", ChunkedHead + "0\r\nBad Trailer\r\n\r\n"),
        Refused("a space before a trailer's colon", ChunkedHead + "0\r\nT : 1\r\n\r\n"),
        Refused("obs-fold in the trailers", ChunkedHead + "0\r\nT: 1\r\n 2\r\n\r\n"),
        Refused("a bare CR in a trailer", ChunkedHead + "0\r\nT: a\rb\r\n\r\n"),
        Refused("NUL in a trailer", ChunkedHead + "0\r\nT: a\0b\r\n\r\n"),
        Refused("a trailer section over 64 KiB", ChunkedHead + "0\r\n" + string.Concat(Enumerable.Range(0, 70).Select(i => $"T{i}: {new string('v', 1000)}\r\n")) + "\r\n"),

        // --- Read until close (6.3 rule 8) ---
        Ok("until close: an empty body", "HTTP/1.1 200 OK\r\n\r\n", 200),
        Ok("until close: a body with CRLFs", "HTTP/1.1 200 OK\r\nServer: x\r\n\r\na\r\n\r\nb", 200, "a\r\n\r\nb"),
        Ok("until close: binary bytes", "HTTP/1.0 200 OK\r\n\r\n\0\x01\xff\r", 200, "\0\x01\xff\r"),
    ];

    // Each control byte (and DEL) in a field value and in a reason phrase: only HTAB is allowed (RFC 9110 5.5,
    // RFC 9112 section 4); an LF ends the line early, leaving a line that is not a field; a CR is a bare CR (2.2).
    private static IEnumerable<CorpusCase> ControlBytes()
    {
        foreach (var c in Enumerable.Range(0, 32).Append(0x7F).Select(i => (char)i))
        {
            var field = $"HTTP/1.1 200 OK\r\nX: a{c}b\r\nContent-Length: 0\r\n\r\n";
            var reason = $"HTTP/1.1 200 O{c}K\r\nContent-Length: 0\r\n\r\n";
            var what = $"0x{(int)c:x2}";
            if (c == '\t')
            {
                yield return Ok($"{what} in a field value", field, 200);
                yield return Ok($"{what} in a reason phrase", reason, 200);
            }
            else
            {
                yield return Refused($"{what} in a field value", field);
                yield return Refused($"{what} in a reason phrase", reason);
            }
        }
    }

    // Each visible ASCII byte inside a field name: tchar is accepted, anything else refused; a colon ends the name,
    // so "X:Y: v" is the field X with the value "Y: v".
    private static IEnumerable<CorpusCase> FieldNameBytes()
    {
        for (var c = (char)0x21; c < 0x7F; c++)
        {
            var wire = $"HTTP/1.1 200 OK\r\nX{c}Y: v\r\nContent-Length: 0\r\n\r\n";
            var name = $"'{c}' inside a field name";
            yield return c == ':' || TokenChars.Contains(c, StringComparison.Ordinal) ? Ok(name, wire, 200) : Refused(name, wire);
        }
    }

    /// <summary>The wire bytes of a case (its text is Latin-1: one char, one byte).</summary>
    public static byte[] Bytes(CorpusCase corpusCase)
    {
        ArgumentNullException.ThrowIfNull(corpusCase);
        return Encoding.Latin1.GetBytes(corpusCase.Wire);
    }
}
