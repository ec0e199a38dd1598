using System.Text;

namespace Sockit.Services;

/// <summary>
/// Reads a services file with bounds, so that a file that is not one (<c>/dev/zero</c>, one endless line;
/// <c>/dev/urandom</c>, no end at all) fails at once with <see cref="InvalidDataException"/> instead of reading until
/// memory runs out. The bounds are far above any real services file (Debian's is about 13 KB, its longest line under 100 bytes).
/// </summary>
internal static class ServicesFileReader
{
    /// <summary>The largest file read: 16 MiB.</summary>
    public const int MaxFileBytes = 16 << 20;

    /// <summary>The longest line read: 64 KiB.</summary>
    public const int MaxLineBytes = 64 << 10;

    public static string ReadText(string path)
    {
        // A device or a pipe has no length worth asking: read and count instead.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        var content = new MemoryStream();
        var buffer = new byte[64 << 10];
        long lineLength = 0;
        var line = 1;
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            var chunk = buffer.AsSpan(0, n);
            while (true)
            {
                var newline = chunk.IndexOf((byte)'\n');
                lineLength += newline < 0 ? chunk.Length : newline;
                if (lineLength > MaxLineBytes)
                {
                    throw NotAServicesFile(path, $"line {line} is longer than {MaxLineBytes} bytes");
                }
                if (newline < 0)
                {
                    break;
                }
                line++;
                lineLength = 0;
                chunk = chunk[(newline + 1)..];
            }
            if (content.Length + n > MaxFileBytes)
            {
                throw NotAServicesFile(path, $"it is larger than {MaxFileBytes >> 20} MiB");
            }
            content.Write(buffer, 0, n);
        }
        return Encoding.UTF8.GetString(content.GetBuffer(), 0, (int)content.Length);
    }

    private static InvalidDataException NotAServicesFile(string path, string why) =>
        new($"'{path}' is not a services file: {why}");
}
