using System.Globalization;
using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;

namespace Sockit.Naming;

/// <summary>
/// Asks one DNS server directly (DnsClient), bypassing the OS resolver and its hosts file: for testing a server, or
/// seeing the CNAME chain behind a name's aliases.
/// </summary>
public static class DnsServerResolver
{
    /// <summary>The port DNS servers listen on.</summary>
    public const int DefaultPort = 53;

    /// <summary>Asks <paramref name="server"/> for the addresses of <paramref name="name"/>.</summary>
    /// <exception cref="LookupException">No such name (<see cref="SockitFailure.NotFound"/>), no answer in time
    /// (<see cref="SockitFailure.TimedOut"/>), or the server failed or refused.</exception>
    public static async Task<DnsAnswer> QueryAsync(string name, IPEndPoint server, DnsServerQueryOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(server);
        options ??= new DnsServerQueryOptions();
        var client = new LookupClient(new LookupClientOptions(new NameServer(server))
        {
            UseCache = false,
            Timeout = options.Timeout,
            Retries = options.Retries,
            ThrowDnsErrors = false,
            ContinueOnDnsError = false,
            ContinueOnEmptyResponse = false,
            UseTcpFallback = true,
        });

        QueryType[] types = options.Family switch
        {
            AddressFamily.InterNetworkV6 => [QueryType.AAAA],
            AddressFamily.Unspecified => [QueryType.A, QueryType.AAAA],
            _ => [QueryType.A],
        };
        var records = new List<DnsResourceRecord>();
        foreach (var type in types)
        {
            var response = await AskAsync(client, name, type, server, options, cancellationToken).ConfigureAwait(false);
            records.AddRange(response.Answers.Where(r => !records.Any(seen => seen.ToString() == r.ToString())));
        }
        return Build(name, server, records);
    }

    private static async Task<IDnsQueryResponse> AskAsync(LookupClient client, string name, QueryType type, IPEndPoint server, DnsServerQueryOptions options, CancellationToken cancellationToken)
    {
        IDnsQueryResponse response;
        try
        {
            response = await client.QueryAsync(name, type, QueryClass.IN, cancellationToken).ConfigureAwait(false);
        }
        catch (DnsResponseException e) when (e.Code is DnsResponseCode.ConnectionTimeout)
        {
            throw new LookupException(
                $"no answer from DNS server {server} within {options.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s",
                SockitFailure.TimedOut, new SocketException((int)SocketError.TimedOut))
            {
                Name = name, Family = Family(type), Server = server, Timeout = options.Timeout,
            };
        }
        catch (DnsResponseException e)
        {
            var inner = e.InnerException as SocketException ?? new SocketException((int)SocketError.NoRecovery);
            var failure = inner.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset
                ? SockitFailure.Refused
                : SockitFailure.Io;
            throw new LookupException($"DNS server {server} did not answer: {e.Message}", failure, inner) { Name = name, Family = Family(type), Server = server };
        }

        if (response.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain)
        {
            throw new LookupException($"cannot resolve '{name}' at {server}: no such name (NXDOMAIN)", SockitFailure.NotFound,
                new SocketException((int)SocketError.HostNotFound))
            {
                Name = name, Family = Family(type), Server = server,
            };
        }
        if (response.Header.ResponseCode != DnsHeaderResponseCode.NoError)
        {
            var code = response.Header.ResponseCode;
            var failure = code == DnsHeaderResponseCode.ServerFailure ? SockitFailure.TimedOut : SockitFailure.Io;
            throw new LookupException($"DNS server {server} answered {code} for '{name}': {response.ErrorMessage}", failure,
                new SocketException((int)(code == DnsHeaderResponseCode.ServerFailure ? SocketError.TryAgain : SocketError.NoRecovery)))
            {
                Name = name, Family = Family(type), Server = server,
            };
        }
        return response;
    }

    private static AddressFamily Family(QueryType type) =>
        type == QueryType.AAAA ? AddressFamily.InterNetworkV6 : AddressFamily.InterNetwork;

    private static DnsAnswer Build(string name, IPEndPoint server, List<DnsResourceRecord> records)
    {
        // Follow the CNAME chain from the asked name, as the OS resolver does to build aliases (RFC 1034 section 3.6.2).
        var aliases = new List<string>();
        var current = Trim(name);
        while (records.OfType<CNameRecord>().FirstOrDefault(r => SameName(r.DomainName.Value, current)) is { } cname
               && aliases.Count < 16)
        {
            aliases.Add(current);
            current = Trim(cname.CanonicalName.Value);
        }
        var addresses = records
            .Where(r => SameName(r.DomainName.Value, current))
            .Select(r => r switch
            {
                ARecord a => a.Address,
                AaaaRecord aaaa => aaaa.Address,
                _ => null,
            })
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
        var list = records.Select(r => new DnsRecord(r.DomainName.Value, r.RecordType.ToString(), r.TimeToLive, RecordData(r))).ToList();
        return new DnsAnswer(server, name, new HostEntry(current, aliases, addresses), list);
    }

    // The data field of the record as zone files write it: the last of "name ttl class type data".
    private static string RecordData(DnsResourceRecord record) => record switch
    {
        ARecord a => a.Address.ToString(),
        AaaaRecord aaaa => aaaa.Address.ToString(),
        CNameRecord cname => cname.CanonicalName.Value,
        _ => record.ToString().Split(' ', 5, StringSplitOptions.RemoveEmptyEntries) is { Length: 5 } fields ? fields[4] : "",
    };

    private static string Trim(string name) => name.TrimEnd('.');

    private static bool SameName(string a, string b) => string.Equals(Trim(a), Trim(b), StringComparison.OrdinalIgnoreCase);
}
