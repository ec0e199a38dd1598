using System.Globalization;
using CsCheck;

namespace Sockit.Tests.Fuzz;

/// <summary>
/// How long a fuzz target runs. Always a bounded run of a few seconds, part of the suite; with
/// <c>SOCKIT_FUZZ_MINUTES=N</c> in the environment, N minutes instead (docs/RELIABILITY.md, "Fuzzing"). Each run
/// appends one line (target, seconds, iterations, outcome) to the file named by <c>SOCKIT_FUZZ_LOG</c>, when set.
/// </summary>
internal static class FuzzBudget
{
    private const int BoundedSeconds = 3;

    public static int Seconds =>
        Environment.GetEnvironmentVariable("SOCKIT_FUZZ_MINUTES") is { Length: > 0 } minutes
            ? (int)(double.Parse(minutes, CultureInfo.InvariantCulture) * 60)
            : BoundedSeconds;

    /// <summary>Runs <paramref name="check"/> on inputs of <paramref name="gen"/> for <see cref="Seconds"/> on one thread; CsCheck shrinks a failure and throws it with its seed.</summary>
    public static void Run<T>(string target, Gen<T> gen, Action<T> check, Func<T, string> print)
    {
        long iterations = 0;
        var outcome = "no findings";
        try
        {
            gen.Sample(input =>
            {
                iterations++;
                check(input);
            }, iter: long.MaxValue, time: Seconds, threads: 1, print: print);
        }
        catch (Exception e)
        {
            outcome = "FINDING: " + e.Message.Split('\n')[0];
            throw;
        }
        finally
        {
            Log(target, iterations, outcome);
        }
    }

    /// <summary>
    /// The asynchronous form, for targets that talk to a loopback peer. With <paramref name="findings"/>, the target
    /// collects its findings instead of throwing at the first: the run goes on to its end and then fails listing them.
    /// </summary>
    public static async Task RunAsync<T>(string target, Gen<T> gen, Func<T, Task> check, Func<T, string> print, IReadOnlyDictionary<string, string>? findings = null)
    {
        long iterations = 0;
        try
        {
            await gen.SampleAsync(async input =>
            {
                iterations++;
                await check(input);
            }, iter: long.MaxValue, time: Seconds, threads: 1, print: print);
        }
        catch (Exception e)
        {
            Log(target, iterations, "FINDING: " + e.Message.Split('\n')[0]);
            throw;
        }
        if (findings is not { Count: > 0 })
        {
            Log(target, iterations, "no findings");
            return;
        }
        Log(target, iterations, $"findings of {findings.Count} kinds: {string.Join("; ", findings.Keys)}");
        Assert.Fail($"{findings.Count} kinds of finding, each with its shortest input:\n" + string.Join('\n', findings.Select(f => $"{f.Key}: {f.Value}")));
    }

    private static void Log(string target, long iterations, string outcome)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:O} {target}: {Seconds} s, {iterations} iterations, {outcome}");
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        if (Environment.GetEnvironmentVariable("SOCKIT_FUZZ_LOG") is { Length: > 0 } path)
        {
            File.AppendAllText(path, line + Environment.NewLine);
        }
    }
}
