using System.Diagnostics;
using CsCheck;
using Sockit.Naming;
using static Sockit.Tests.Fuzz.Mutator;

namespace Sockit.Tests.Fuzz;

/// <summary>
/// Fuzz target: the DNS answer handling of <see cref="DnsServerResolver"/>, through its one entry,
/// <see cref="DnsServerResolver.QueryAsync"/>, against a loopback server answering with mutated replies (the parse
/// is DnsClient's, inside that call, and cannot be reached alone). Whatever the reply, the query ends within its
/// timeout with an answer or a <see cref="LookupException"/>: never another exception, never a hang.
/// </summary>
public sealed class DnsAnswerFuzzTests
{
    private const string Name = "fuzz.test";

    // Header: ID, flags (response, recursion desired and available), 1 question, N answers; then the question as asked.
    private static readonly byte[] s_head = [0, 0, 0x81, 0x80, 0, 1, 0, 0, 0, 0, 0, 0, 4, (byte)'f', (byte)'u', (byte)'z', (byte)'z', 4, (byte)'t', (byte)'e', (byte)'s', (byte)'t', 0, 0, 1, 0, 1];

    private static readonly byte[][] s_seeds =
    [
        Reply(1, [0xC0, 0x0C, 0, 1, 0, 1, 0, 0, 0x0E, 0x10, 0, 4, 127, 0, 0, 9]),
        Reply(2, [0xC0, 0x0C, 0, 5, 0, 1, 0, 0, 0, 60, 0, 8, 5, (byte)'a', (byte)'l', (byte)'i', (byte)'a', (byte)'s', 0xC0, 0x11,
                  0xC0, 0x27, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 10]),
        Reply(1, [0xC0, 0x0C, 0, 28, 0, 1, 0, 0, 0, 60, 0, 16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
        Reply(1, [0xC0, 0x0C, 0, 16, 0, 1, 0, 0, 0, 60, 0, 6, 5, (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o']),
        Reply(0, []),
        // A compression pointer to itself: the loop the issue names.
        Reply(1, [0xC0, 0x1B, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 11]),
    ];

    private static readonly byte[][] s_tokens = [[0xC0, 0x0C], [0xC0, 0x00], [0xFF, 0xFF], [0], [0x3F], [0, 1, 0, 1], [0, 5, 0, 1], [0x80]];

    private static readonly Gen<(byte[] Reply, bool CopyId)> s_inputs = Gen.Select(Mutants(s_seeds, s_tokens), Gen.Int[0, 19].Select(i => i != 0));

    [Fact]
    public async Task Fuzz_DnsServerResolver()
    {
        using var server = new FuzzDnsServer();
        var options = new DnsServerQueryOptions { Timeout = TimeSpan.FromMilliseconds(300) };
        // The resolver's fixes are another slice's: rather than stop at the first finding, the run goes on and keeps the
        // shortest reply of each kind of finding, so one long run lists them all.
        var findings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        await FuzzBudget.RunAsync(nameof(DnsServerResolver), s_inputs, async input =>
        {
            server.Answer(input.Reply, input.CopyId);
            var started = Stopwatch.GetTimestamp();
            string? finding = null;
            try
            {
                var answer = await DnsServerResolver.QueryAsync(Name, server.EndPoint, options, TestContext.Current.CancellationToken);
                if (answer.Entry.Addresses.Count == 0)
                {
                    finding = "an answer without addresses";
                }
            }
            catch (LookupException)
            {
                // A clean failure: what the CLI turns into one line.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                finding = $"{e.GetType().Name} from {e.TargetSite?.DeclaringType?.Name}.{e.TargetSite?.Name}";
            }
            // Generous for a loaded machine: a parse that loops would not end at all.
            if (Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(10))
            {
                finding = "a query that took more than 10 s";
            }
            var shown = Print(input);
            if (finding is not null && (!findings.TryGetValue(finding, out var kept) || shown.Length < kept.Length))
            {
                findings[finding] = shown;
            }
        }, Print, findings);
    }

    private static string Print((byte[] Reply, bool CopyId) input) => $"{(input.CopyId ? "" : "wrong ID ")}\"{Show(input.Reply)}\"";

    private static byte[] Reply(byte answers, byte[] records)
    {
        var reply = (byte[])s_head.Clone();
        reply[7] = answers;
        return [.. reply, .. records];
    }
}
