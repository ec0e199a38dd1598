using Sockit.Tls;

namespace Sockit.Cli.Commands;

/// <summary>What <c>sockit tls</c> was asked to do, checked: the server, what to trust, and how to print.</summary>
/// <param name="Host">The host name or address to connect to.</param>
/// <param name="Port">The port (443 unless given).</param>
/// <param name="Options">SNI and the trust store (--sni, --cacert).</param>
/// <param name="Pem">--pem: print the chain as PEM instead of the summary.</param>
/// <param name="ConnectTimeout">The limit for the connect and the handshake, or null for the OS's.</param>
/// <param name="Format">How to print the result.</param>
internal sealed record TlsArguments(string Host, int Port, TlsClientOptions Options, bool Pem, TimeSpan? ConnectTimeout, OutputFormat Format);
