namespace Sockit.Cli.Rendering;

/// <summary>The JSON document of <c>sockit resolve NAME --server ADDR</c> (docs/cli-json.md).</summary>
internal sealed record DnsAnswerJson(int Version, string Server, string Query, string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string> Addresses, IReadOnlyList<DnsRecordJson> Records);
