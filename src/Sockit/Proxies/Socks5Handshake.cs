using System.Buffers;
using System.Net;
using Sockit.Connections;

namespace Sockit.Proxies;

/// <summary>
/// A SOCKS5 client's side of the handshake (RFC 1928) on a connection to the proxy: offer the methods, authenticate
/// with RFC 1929 when the proxy chooses it, ask for a CONNECT, read the reply. Each reply is read to its exact length,
/// so the first byte after it is the target's.
/// </summary>
internal static class Socks5Handshake
{
    /// <summary>
    /// Runs the handshake for a tunnel to <paramref name="address"/> (socks5://) or, when it is null, to the name
    /// <paramref name="host"/> for the proxy to resolve (socks5h://), on <paramref name="port"/>. Returns where the
    /// proxy says it connected from. Throws <see cref="ProxyException"/>.
    /// </summary>
    public static async ValueTask<string> RunAsync(Connection connection, ProxyOptions proxy, string host, IPAddress? address, int port, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Socks5Wire.MaxRequestLength);
        try
        {
            var offerPassword = proxy.UserName is not null;
            await connection.SendAsync(buffer.AsMemory(0, Socks5Wire.WriteGreeting(buffer, offerPassword)), cancellationToken).ConfigureAwait(false);
            await ReceiveAsync(connection, proxy, ProxyStep.Greeting, host, port, buffer.AsMemory(0, 2), cancellationToken).ConfigureAwait(false);
            var method = Parse(proxy, ProxyStep.Greeting, host, port, () => Socks5Wire.ReadMethodChoice(buffer, offerPassword));
            if (method == Socks5Wire.NoAcceptableMethods)
            {
                throw ProxyFailures.Unauthorized(proxy, ProxyStep.Greeting, host, port, method, offerPassword
                    ? "accepted none of the offered methods (no authentication, username/password)"
                    : "wants authentication: it accepted none of the methods offered (no authentication; no username and password was given)");
            }
            if (method == Socks5Wire.UsernamePassword)
            {
                var length = Socks5Wire.WritePasswordRequest(buffer, proxy.UserName!, proxy.Password ?? "");
                await connection.SendAsync(buffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                // The password is no longer needed in the buffer.
                buffer.AsSpan(0, length).Clear();
                await ReceiveAsync(connection, proxy, ProxyStep.Authenticate, host, port, buffer.AsMemory(0, 2), cancellationToken).ConfigureAwait(false);
                var status = Parse(proxy, ProxyStep.Authenticate, host, port, () => Socks5Wire.ReadPasswordStatus(buffer));
                if (status != 0)
                {
                    throw ProxyFailures.Unauthorized(proxy, ProxyStep.Authenticate, host, port, status, $"refused the username and password of '{proxy.UserName}' (RFC 1929 status {status})");
                }
            }
            var request = Socks5Wire.WriteConnect(buffer, address, address is null ? host : null, port);
            await connection.SendAsync(buffer.AsMemory(0, request), cancellationToken).ConfigureAwait(false);
            return await ReadReplyAsync(connection, proxy, host, port, buffer, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer, clearArray: true);
        }
    }

    private static async ValueTask<string> ReadReplyAsync(Connection connection, ProxyOptions proxy, string host, int port, byte[] buffer, CancellationToken cancellationToken)
    {
        var received = await ProxyReads.ReceiveExactlyAsync(connection, buffer.AsMemory(0, Socks5Wire.ReplyHeadLength), cancellationToken).ConfigureAwait(false);
        if (received < Socks5Wire.ReplyHeadLength)
        {
            // A proxy that says no and closes at once may cut its reply short; its reply field is still its answer.
            if (received >= 2 && buffer[0] == Socks5Wire.Version && buffer[1] is > 0 and <= 8)
            {
                throw ProxyFailures.SocksReply(proxy, host, port, buffer[1]);
            }
            throw ProxyFailures.ClosedEarly(proxy, ProxyStep.Request, host, port, received);
        }
        var length = Parse(proxy, ProxyStep.Request, host, port, () => Socks5Wire.ReplyLength(buffer));
        var rest = await ProxyReads.ReceiveExactlyAsync(connection, buffer.AsMemory(received, length - received), cancellationToken).ConfigureAwait(false);
        if (received + rest < length)
        {
            if (buffer[1] is > 0 and <= 8)
            {
                throw ProxyFailures.SocksReply(proxy, host, port, buffer[1]);
            }
            throw ProxyFailures.ClosedEarly(proxy, ProxyStep.Request, host, port, received + rest);
        }
        var (reply, bound) = Parse(proxy, ProxyStep.Request, host, port, () => Socks5Wire.ReadConnectReply(buffer.AsSpan(0, length)));
        if (reply != 0)
        {
            throw ProxyFailures.SocksReply(proxy, host, port, reply);
        }
        return bound;
    }

    // A two-byte reply, read whole or reported as cut short.
    private static async ValueTask ReceiveAsync(Connection connection, ProxyOptions proxy, ProxyStep step, string host, int port, Memory<byte> reply, CancellationToken cancellationToken)
    {
        var received = await ProxyReads.ReceiveExactlyAsync(connection, reply, cancellationToken).ConfigureAwait(false);
        if (received < reply.Length)
        {
            throw ProxyFailures.ClosedEarly(proxy, step, host, port, received);
        }
    }

    // The wire code's verdict on a reply, as the proxy's failure.
    private static T Parse<T>(ProxyOptions proxy, ProxyStep step, string host, int port, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException e)
        {
            throw ProxyFailures.Garbage(proxy, step, host, port, e.Message, e);
        }
    }
}
