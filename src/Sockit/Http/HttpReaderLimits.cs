namespace Sockit.Http;

/// <summary>How much an <see cref="HttpResponseReader"/> accepts before it refuses a response as malformed.</summary>
public sealed class HttpReaderLimits
{
    /// <summary>The defaults: a 64 KiB header section, 8 KiB lines, 32 interim responses of 64 KiB in all.</summary>
    public static HttpReaderLimits Default { get; } = new();

    /// <summary>The largest header section (status line, fields and the empty line; also the trailer section), in bytes. Default 65536.</summary>
    public int MaxHeaderSectionBytes { get; init; } = 64 * 1024;

    /// <summary>The longest line (status line, field line, chunk-size line), in bytes, without its CRLF. Default 8192.</summary>
    public int MaxLineBytes { get; init; } = 8 * 1024;

    /// <summary>
    /// The most interim (1xx) responses accepted before the final one (RFC 9110 section 15.2). Default 32: a real server
    /// sends one <c>100 Continue</c>, a <c>103 Early Hints</c> or two, or now and then a <c>102 Processing</c>; a
    /// server that sends them without end is refused instead of remembered.
    /// </summary>
    public int MaxInterimHeads { get; init; } = 32;

    /// <summary>
    /// The most bytes of all interim (1xx) responses together, status lines, fields and empty lines included.
    /// Default 65536, the size of one header section.
    /// </summary>
    public int MaxInterimBytes { get; init; } = 64 * 1024;
}
