using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Sockit.Naming;

/// <summary>
/// Asks one DNS server directly, bypassing the OS resolver and its hosts file: for testing a server, or
/// seeing the CNAME chain behind a name's aliases. sockit's own
/// strict DNS wire code (DnsWireExchange, DnsWireReader), so hostile answers end in a failure kind, never a crash.
/// </summary>
public static class DnsServerResolver
{
    /// <summary>The port DNS servers listen on.</summary>
    public const int DefaultPort = 53;

    /// <summary>Asks <paramref name="server"/> for the addresses of <paramref name="name"/>.</summary>
    /// <exception cref="LookupException">No such name (<see cref="SockitFailure.NotFound"/>), no answer in time
    /// (<see cref="SockitFailure.TimedOut"/>), a malformed answer (<see cref="SockitFailure.Protocol"/>), or the server
    /// failed or refused.</exception>
    public static async Task<DnsAnswer> QueryAsync(string name, IPEndPoint server, DnsServerQueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(server);
        options ??= new DnsServerQueryOptions();

        int[] types = options.Family switch
        {
            AddressFamily.InterNetworkV6 => [DnsWireRecord.Aaaa],
            AddressFamily.Unspecified => [DnsWireRecord.A, DnsWireRecord.Aaaa],
            _ => [DnsWireRecord.A],
        };
        var records = new List<DnsWireRecord>();
        foreach (var type in types)
        {
            var response = await AskAsync(name, type, server, options, cancellationToken).ConfigureAwait(false);
            records.AddRange(response.Answers.Where(r => !records.Contains(r)));
        }
        return Build(name, server, records);
    }

    private static async Task<DnsWireResponse> AskAsync(string name, int type, IPEndPoint server, DnsServerQueryOptions options, CancellationToken cancellationToken)
    {
        DnsWireResponse response;
        try
        {
            response = await DnsWireExchange.AskAsync(server, name, type, options.Timeout, options.Retries, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            throw new LookupException($"cannot resolve '{name}' at {server}: {e.Message}", SockitFailure.NotFound,
                new SocketException((int)SocketError.HostNotFound))
            {
                Name = name, Family = Family(type), Server = server,
            };
        }
        catch (TimeoutException)
        {
            throw new LookupException(
                $"no answer from DNS server {server} within {options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s",
                SockitFailure.TimedOut, new SocketException((int)SocketError.TimedOut))
            {
                Name = name, Family = Family(type), Server = server, Timeout = options.Timeout,
            };
        }
        catch (DnsMalformedException e)
        {
            throw new LookupException($"DNS server {server} sent a malformed answer for '{name}': {e.Message}", SockitFailure.Protocol,
                new SocketException((int)SocketError.NoRecovery))
            {
                Name = name, Family = Family(type), Server = server,
            };
        }
        catch (SocketException e)
        {
            var failure = e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset
                ? SockitFailure.Refused
                : SockitFailure.Io;
            throw new LookupException($"DNS server {server} did not answer: {e.Message}", failure, e) { Name = name, Family = Family(type), Server = server };
        }

        if (response.ResponseCode == NxDomain)
        {
            throw new LookupException($"cannot resolve '{name}' at {server}: no such name (NXDOMAIN)", SockitFailure.NotFound,
                new SocketException((int)SocketError.HostNotFound))
            {
                Name = name, Family = Family(type), Server = server,
            };
        }
        if (response.ResponseCode != NoError)
        {
            var code = response.ResponseCode;
            var failure = code == ServFail ? SockitFailure.TimedOut : SockitFailure.Io;
            throw new LookupException($"DNS server {server} answered {ResponseCodeName(code)} for '{name}'", failure,
                new SocketException((int)(code == ServFail ? SocketError.TryAgain : SocketError.NoRecovery)))
            {
                Name = name, Family = Family(type), Server = server,
            };
        }
        return response;
    }

    private const int NoError = 0;
    private const int ServFail = 2;
    private const int NxDomain = 3;

    // RFC 1035 section 4.1.1 and RFC 6895's registry names.
    private static string ResponseCodeName(int code) => code switch
    {
        1 => "FORMERR (the server could not read the query)",
        ServFail => "SERVFAIL (the server failed)",
        4 => "NOTIMP (the server does not do this kind of query)",
        5 => "REFUSED (the server refuses to answer)",
        _ => $"RCODE {code}",
    };

    private static AddressFamily Family(int type) =>
        type == DnsWireRecord.Aaaa ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;

    private static DnsAnswer Build(string name, IPEndPoint server, List<DnsWireRecord> records)
    {
        // Follow the CNAME chain from the asked name, as the OS resolver does to build aliases (RFC 1034 section 3.6.2).
        var aliases = new List<string>();
        var current = Trim(name);
        while (records.FirstOrDefault(r => r.Target is not null && SameName(r.Name, current)) is { } cname
               && aliases.Count < 16)
        {
            aliases.Add(current);
            current = Trim(cname.Target!);
        }
        var addresses = records
            .Where(r => SameName(r.Name, current))
            .Select(r => r.Address)
            .OfType<IPAddress>()
            .ToList();
        if (addresses.Count == 0)
        {
            throw new LookupException($"cannot resolve '{name}' at {server}: the name has no address records", SockitFailure.NotFound,
                new SocketException((int)SocketError.NoData))
            {
                Name = name, Server = server,
            };
        }
        var list = records.Select(r => new DnsRecord(r.Name, r.TypeName, r.TimeToLive, r.Data)).ToList();
        return new DnsAnswer(server, name, new HostEntry(current, aliases, addresses), list);
    }

    private static string Trim(string name) => name.TrimEnd('.');

    private static bool SameName(string a, string b) => string.Equals(Trim(a), Trim(b), StringComparison.OrdinalIgnoreCase);
}
