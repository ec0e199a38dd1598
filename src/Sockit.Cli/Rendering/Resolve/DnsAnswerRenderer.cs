using Sockit.Naming;

namespace Sockit.Cli.Rendering;

/// <summary>Renders a DNS server's <see cref="DnsAnswer"/>: the records and the host entry they make up.</summary>
internal sealed class DnsAnswerRenderer : ResultRenderer<DnsAnswer>
{
    public override void WriteText(DnsAnswer result, TextWriter output, TextWriter error)
    {
        error.WriteLine($"# answer from {result.Server}");
        foreach (var record in result.Records)
        {
            output.WriteLine($"{record.Name,-30} {record.TimeToLive,6} IN {record.Type,-6} {record.Data}");
        }
        HostEntryText.Write(result.Entry, output);
    }

    public override void WriteJson(DnsAnswer result, TextWriter output) =>
        JsonOutput.Write(output,
            new DnsAnswerJson(
                JsonContract.Version, result.Server.ToString(), result.QueryName, result.Entry.Name, result.Entry.Aliases,
                [.. result.Entry.Addresses.Select(a => a.ToString())],
                [.. result.Records.Select(r => new DnsRecordJson(r.Name, r.Type, r.TimeToLive, r.Data))]),
            CliJsonContext.Default.DnsAnswerJson);

    // What gethostbyname_ex would print were this server the OS's resolver.
    public override void WritePython(DnsAnswer result, TextWriter output) =>
        output.WriteLine(PyNaming.HostEntry(result.Entry));
}
