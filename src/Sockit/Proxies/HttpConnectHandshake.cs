using System.Buffers;
using Sockit.Connections;

namespace Sockit.Proxies;

/// <summary>
/// An HTTP proxy asked for a tunnel (RFC 9110 section 9.3.6): send CONNECT, read the reply head (at most
/// <see cref="HttpConnectWire.MaxReplyHeadLength"/> bytes, never a byte beyond it: what follows is the target's), and
/// a 2xx status opens the tunnel.
/// </summary>
internal static class HttpConnectHandshake
{
    /// <summary>Asks for a tunnel to <paramref name="host"/>:<paramref name="port"/>; returns the status line. Throws <see cref="ProxyException"/>.</summary>
    public static async ValueTask<string> RunAsync(Connection connection, ProxyOptions proxy, string host, int port, CancellationToken cancellationToken)
    {
        var authority = ProxyFailures.Authority(host, port);
        await connection.SendAsync(HttpConnectWire.WriteRequest(authority, proxy.UserName, proxy.Password), cancellationToken).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(HttpConnectWire.MaxReplyHeadLength);
        try
        {
            var length = 0;
            while (HttpConnectWire.SafeReadLength(buffer.AsSpan(0, length)) is var safe and > 0)
            {
                if (length + safe > HttpConnectWire.MaxReplyHeadLength)
                {
                    throw ProxyFailures.Garbage(proxy, ProxyStep.Request, host, port, $"its reply head is longer than {HttpConnectWire.MaxReplyHeadLength} bytes");
                }
                var received = await connection.ReceiveAsync(buffer.AsMemory(length, safe), cancellationToken).ConfigureAwait(false);
                if (received == 0)
                {
                    throw ProxyFailures.ClosedEarly(proxy, ProxyStep.Request, host, port, length);
                }
                length += received;
                if (HttpConnectWire.CheckStart(buffer.AsSpan(0, length), length - received) is { } why)
                {
                    throw ProxyFailures.Garbage(proxy, ProxyStep.Request, host, port, why);
                }
            }
            Http.HttpStatusLine status;
            try
            {
                status = HttpConnectWire.ReadReplyHead(buffer.AsSpan(0, length));
            }
            catch (InvalidDataException e)
            {
                throw ProxyFailures.Garbage(proxy, ProxyStep.Request, host, port, e.Message, e);
            }
            // Any 2xx is the tunnel (RFC 9110 section 9.3.6); the proxy's body for another status is not read.
            return status.StatusCode is >= 200 and < 300 ? status.ToString() : throw ProxyFailures.HttpStatus(proxy, host, port, status);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
