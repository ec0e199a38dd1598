using System.Globalization;
using System.Net;
using System.Text;
using System.Net.Sockets;
using Sockit.Connections;

namespace Sockit.Proxies;

/// <summary>
/// <see cref="Connector"/>'s path through a proxy: connect to the proxy the normal way (the same resolve and
/// connect, so the proxy's own addresses are tried as any host's), run its handshake bounded by the connect timeout,
/// and hand back the connection, which is from then on the tunnel to the target (TLS on top when asked for).
/// </summary>
internal static class ProxyTunnel
{
    /// <summary>
    /// The bound on a handshake when the caller set no connect timeout: a port that is not the kind of proxy asked for
    /// may wait for more bytes forever (an HTTP proxy given a SOCKS5 greeting waits for the rest of its request line).
    /// </summary>
    public static readonly TimeSpan DefaultHandshakeTimeout = TimeSpan.FromSeconds(30);

    public static async ValueTask<Connection> ConnectAsync(string host, int port, ConnectOptions options, IConnectProgress? progress, CancellationToken cancellationToken)
    {
        var proxy = options.Proxy!;
        if (options.Transport != Transport.Tcp)
        {
            throw new ArgumentException("a proxy tunnels TCP only (SOCKS5's UDP ASSOCIATE is not supported)", nameof(options));
        }
        var target = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        var address = IPAddress.TryParse(target, out var literal) ? literal : null;
        if (address is null && proxy.Kind == ProxyKind.Socks5)
        {
            // socks5://: the name is resolved here (with -4/-6's family) and its first address sent, as curl does.
            address = (await Connector.ResolveAsync(target, options.Family, cancellationToken).ConfigureAwait(false))[0];
        }
        if (address is null && !Ascii.IsValid(target))
        {
            // A name the proxy resolves goes on the wire in ASCII: IDNA, as the resolver would be asked here.
            target = ToAscii(target);
        }
        if (address is null && proxy.Kind == ProxyKind.Socks5Hostname && target.Length > 255)
        {
            throw new LookupException($"cannot send '{target}' to a SOCKS5 proxy: a name there is at most 255 bytes") { Name = target };
        }
        var connection = await ConnectToProxyAsync(proxy, target, port, options, progress, cancellationToken).ConfigureAwait(false);
        try
        {
            var sent = ProxyFailures.Authority(address?.ToString() ?? target, port);
            (progress as IProxyProgress)?.OnProxyHandshake(proxy, sent);
            var bound = await HandshakeAsync(connection, proxy, target, address, port, options.ConnectTimeout ?? DefaultHandshakeTimeout, cancellationToken).ConfigureAwait(false);
            (progress as IProxyProgress)?.OnProxyTunnel(proxy, sent, bound);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        if (options.Tls is { } tls)
        {
            await Connector.SecureAsync(connection, target, tls, options.ConnectTimeout, cancellationToken).ConfigureAwait(false);
        }
        return connection;
    }

    private static async ValueTask<Connection> ConnectToProxyAsync(ProxyOptions proxy, string target, int port, ConnectOptions options, IConnectProgress? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await Connector.ConnectAsync(proxy.Host, proxy.Port, options with { Proxy = null, Tls = null }, progress, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectionException e)
        {
            var why = e.InnerException is SocketException socketError && e.Failure != SockitFailure.TimedOut ? socketError.Message : e.Message;
            throw new ProxyException(e.Failure, $"cannot connect to proxy {proxy}: {why}", e)
            {
                Proxy = proxy, Step = ProxyStep.Connect, TargetHost = target, TargetPort = port,
            };
        }
    }

    // The handshake, bounded by the connect timeout as a TLS handshake is.
    private static async ValueTask<string> HandshakeAsync(Connection connection, ProxyOptions proxy, string host, IPAddress? address, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = linked.Token;
        try
        {
            return proxy.Kind == ProxyKind.HttpConnect
                ? await HttpConnectHandshake.RunAsync(connection, proxy, address?.ToString() ?? host, port, token).ConfigureAwait(false)
                : await Socks5Handshake.RunAsync(connection, proxy, host, address, port, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var seconds = timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            throw new ProxyException(SockitFailure.TimedOut, $"proxy {proxy} did not answer within {seconds} s (while asked for {ProxyFailures.Authority(host, port)})")
            {
                Proxy = proxy, Step = ProxyStep.Request, TargetHost = host, TargetPort = port, Timeout = timeout,
            };
        }
        catch (ConnectionException e)
        {
            // The proxy reset or broke the connection mid-handshake.
            throw new ProxyException(e.Failure, $"proxy {proxy}: {e.Message} (while asked for {ProxyFailures.Authority(host, port)})", e)
            {
                Proxy = proxy, Step = ProxyStep.Request, TargetHost = host, TargetPort = port,
            };
        }
    }

    private static string ToAscii(string name)
    {
        try
        {
            return new IdnMapping().GetAscii(name);
        }
        catch (ArgumentException e)
        {
            throw new LookupException($"cannot send '{name}' to a proxy: it is not a valid international name ({e.Message})") { Name = name };
        }
    }
}
