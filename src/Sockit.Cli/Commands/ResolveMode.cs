namespace Sockit.Cli.Commands;

/// <summary>Which call <c>sockit resolve</c> makes, chosen by its options.</summary>
internal enum ResolveMode
{
    /// <summary>NAME alone: gethostbyname.</summary>
    GetHostByName,

    /// <summary><c>--ex</c>: gethostbyname_ex.</summary>
    GetHostByNameEx,

    /// <summary>Any of <c>--service</c>, <c>--family</c>, <c>--type</c>, <c>--proto</c>, <c>--canonical</c>, <c>--passive</c>: getaddrinfo.</summary>
    GetAddrInfo,

    /// <summary><c>--reverse</c>: gethostbyaddr.</summary>
    GetHostByAddr,

    /// <summary><c>--server</c>: one query to one DNS server, bypassing the OS resolver.</summary>
    DnsServer,
}
