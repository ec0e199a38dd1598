using System.Net;
using System.Net.Sockets;
using Sockit.Connections;

namespace Sockit.Cli.Arguments;

/// <summary>The netcat flags given (<see cref="NetcatFlags"/>), checked, and how they change the library's options.</summary>
internal sealed record NetcatFlagValues(TimeSpan? QuitAfterInputEnd, bool Crlf, bool SendOnly, bool RecvOnly, string? Source, int SourcePort)
{
    /// <summary>None given.</summary>
    public static NetcatFlagValues None { get; } = new(null, false, false, false, null, 0);

    /// <summary>The relay's options with -q, --send-only and --recv-only applied.</summary>
    public RelayOptions Apply(RelayOptions options) => options with
    {
        QuitAfterInputEnd = QuitAfterInputEnd,
        SendOnly = SendOnly,
        ReceiveOnly = RecvOnly,
    };

    /// <summary>stdin as it is to be sent: with -C, LF line ends become CR LF.</summary>
    public Stream Input(Stream input) => Crlf ? new CrlfInputStream(input) : input;

    /// <summary>The connect options with -s and -p applied; a name given to -s is resolved (in the family asked for) first.</summary>
    public async Task<ConnectOptions> ApplyAsync(ConnectOptions options, CancellationToken cancellationToken)
    {
        if (Source is null && SourcePort == 0)
        {
            return options;
        }
        IPAddress? address = null;
        if (Source is not null && !IPAddress.TryParse(Source, out address))
        {
            var addresses = await Connector.ResolveAsync(Source, options.Family, cancellationToken).ConfigureAwait(false);
            address = addresses[0];
        }
        if (address is not null && options.Family != AddressFamily.Unspecified && address.AddressFamily != options.Family)
        {
            throw CliException.Usage($"-s {Source} is not an address of the family -4/-6 asks for");
        }
        return options with { LocalAddress = address, LocalPort = SourcePort };
    }
}
