using Sockit.Connections;

namespace Sockit.Tls;

/// <summary>
/// Looks at a server's TLS: connects, handshakes, and returns what was settled and the certificate chain with its
/// verdict, without failing on an untrusted certificate (the verdict says why it is not trusted). Then closes with
/// close_notify. Failures to connect or to handshake at all are thrown as usual.
/// </summary>
public static class TlsInspector
{
    private static readonly string[] s_alpn = ["h2", "http/1.1"];

    /// <summary>
    /// Handshakes with <paramref name="host"/>:<paramref name="port"/> as <paramref name="options"/> say (its
    /// <see cref="TlsClientOptions.AllowUntrusted"/> is ignored: the verdict is returned, not thrown; ALPN offers
    /// <c>h2</c> and <c>http/1.1</c> unless it names others). <paramref name="connectOptions"/> bound the connect and the handshake.
    /// </summary>
    public static async Task<TlsSession> InspectAsync(string host, int port, TlsClientOptions? options = null, ConnectOptions? connectOptions = null, CancellationToken cancellationToken = default)
    {
        options ??= new TlsClientOptions();
        options = options with
        {
            AllowUntrusted = true,
            ApplicationProtocols = options.ApplicationProtocols.Count == 0 ? s_alpn : options.ApplicationProtocols,
        };
        var connection = await Connector.ConnectAsync(host, port, (connectOptions ?? new ConnectOptions()) with { Tls = options, Transport = Transport.Tcp }, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            try
            {
                await connection.ShutdownSendAsync().ConfigureAwait(false);
            }
            catch (ConnectionException)
            {
                // The server may close first; what it settled is known already.
            }
            return connection.Tls!;
        }
    }
}
