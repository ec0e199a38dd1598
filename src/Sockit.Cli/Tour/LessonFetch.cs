using System.Text;
using Sockit.Connections;

namespace Sockit.Cli.Tour;

/// <summary>
/// The lesson's "use a socket as a web browser", done its way: connect, <c>sendall</c> the request, then
/// <c>recv(4096)</c> until a receive returns less than 4096 bytes. TCP gives no such promise: a short read only means
/// that is what had arrived so far. <see cref="Sockit.Http.HttpWireClient"/> reads the same response the right way.
/// </summary>
internal static class LessonFetch
{
    /// <summary>The lesson's request, for <paramref name="url"/>: <c>GET / HTTP/1.1</c> and a Host header, nothing else.</summary>
    public static byte[] Request(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return Encoding.UTF8.GetBytes($"GET {url.PathAndQuery} HTTP/1.1\r\nHost: {url.Authority}\r\n\r\n");
    }

    /// <summary>Connects to <paramref name="url"/>, sends <paramref name="request"/>, and reads until the first short receive, as the lesson does.</summary>
    public static async Task<LessonRead> FetchAsync(Uri url, ReadOnlyMemory<byte> request, int bufferSize = 4096, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var connection = await Connector.ConnectAsync(url.Host, url.Port, new ConnectOptions { ConnectTimeout = TimeSpan.FromSeconds(10) }, cancellationToken).ConfigureAwait(false);
        await connection.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadUntilShortAsync(connection, bufferSize, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The lesson's loop, as it meant it: <c>recv(bufferSize)</c>, keep the part, stop when it is shorter than
    /// <paramref name="bufferSize"/>. (As printed, the lesson's loop keeps only the last part: its <c>+=</c> is indented
    /// under the <c>if</c>.)
    /// </summary>
    public static async Task<LessonRead> ReadUntilShortAsync(Connection connection, int bufferSize = 4096, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferSize);
        var buffer = new byte[bufferSize];
        using var response = new MemoryStream();
        var receives = 0;
        while (true)
        {
            var n = await connection.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            receives++;
            response.Write(buffer, 0, n);
            if (n < bufferSize)
            {
                return new LessonRead(response.ToArray(), receives);
            }
        }
    }
}
