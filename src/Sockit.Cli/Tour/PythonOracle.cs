using System.Diagnostics;
using System.Text;

namespace Sockit.Cli.Tour;

/// <summary>
/// Asks python3, where this machine has it, for the repr of each expression, so the tour shows Python's live answer
/// beside sockit's. One process for a whole step; a missing python3 or a slow one only removes the comparison.
/// </summary>
internal static class PythonOracle
{
    private const string Separator = "\u001e";

    // Each expression is evaluated on its own; an exception prints as Python's "Type: message" line.
    private const string Script = """
        import socket, sys
        exprs = sys.stdin.read().split('\x1e')
        for e in exprs:
            try:
                r = repr(eval(e))
            except Exception as x:
                r = f"{type(x).__name__}: {x}"
            sys.stdout.write(r + '\x1e')
        """;

    public static async Task<IReadOnlyList<string>?> TryEvaluateAsync(IReadOnlyList<string> expressions, CancellationToken cancellationToken)
    {
        if (expressions.Count == 0)
        {
            return [];
        }
        var startInfo = new ProcessStartInfo("python3")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add(Script);
        startInfo.Environment["PYTHONIOENCODING"] = "utf-8";
        try
        {
            using var process = Process.Start(startInfo);
            if (process is null)
            {
                return null;
            }
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await process.StandardInput.WriteAsync(string.Join(Separator, expressions)).ConfigureAwait(false);
            process.StandardInput.Close();
            string output;
            try
            {
                output = await process.StandardOutput.ReadToEndAsync(timeout.Token).ConfigureAwait(false);
                await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Disposing the Process object does not stop python3: a hung one would outlive the tour.
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }
                throw;
            }
            var results = output.Split(Separator);
            return process.ExitCode == 0 && results.Length == expressions.Count + 1 ? results[..^1] : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no python3 on this machine
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null; // python3 too slow: show sockit's answers alone
        }
    }
}
