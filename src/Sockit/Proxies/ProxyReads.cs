using Sockit.Connections;

namespace Sockit.Proxies;

/// <summary>Reads of a proxy's replies that never take a byte beyond them: what follows belongs to the tunnel.</summary>
internal static class ProxyReads
{
    /// <summary>Fills <paramref name="buffer"/>; fewer bytes only when the proxy closed first.</summary>
    public static async ValueTask<int> ReceiveExactlyAsync(Connection connection, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var n = await connection.ReceiveAsync(buffer[total..], cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                break;
            }
            total += n;
        }
        return total;
    }
}
