namespace Sockit.Cli.Rendering;

/// <summary>One resource record of the answer section in <see cref="DnsAnswerJson"/>.</summary>
internal sealed record DnsRecordJson(string Name, string Type, int Ttl, string Data);
