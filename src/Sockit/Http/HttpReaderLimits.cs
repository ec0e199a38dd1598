namespace Sockit.Http;

/// <summary>How much an <see cref="HttpResponseReader"/> accepts before it refuses a response as malformed.</summary>
public sealed class HttpReaderLimits
{
    /// <summary>The defaults: a 64 KiB header section, 8 KiB lines.</summary>
    public static HttpReaderLimits Default { get; } = new();

    /// <summary>The largest header section (status line, fields and the empty line; also the trailer section), in bytes. Default 65536.</summary>
    public int MaxHeaderSectionBytes { get; init; } = 64 * 1024;

    /// <summary>The longest line (status line, field line, chunk-size line), in bytes, without its CRLF. Default 8192.</summary>
    public int MaxLineBytes { get; init; } = 8 * 1024;
}
