using Sockit.Tls;

namespace Sockit.Cli.Rendering;

/// <summary>The result of <c>sockit tls</c>: the server asked for and what its handshake settled, seen at <paramref name="Now"/> (for the days left).</summary>
internal sealed record TlsReport(string Host, int Port, TlsSession Session, DateTimeOffset Now);
