using System.Diagnostics;
using System.Text;

namespace Sockit.Cli.Tour;

/// <summary>
/// Runs a step's Python in python3, where this machine has it, so the tour shows Python's live answer beside sockit's.
/// One process and one namespace for a whole step, as in the lesson's notebook: each piece of code runs in turn, and
/// its answer is the repr of its last statement when that is an expression (None otherwise), or the exception's
/// last traceback line (<c>TypeError: ...</c>, <c>socket.gaierror: ...</c>). A missing python3 or a slow one only
/// removes the comparison.
/// </summary>
internal static class PythonOracle
{
    private const string Separator = "\u001e";

    // The pieces run in one namespace, in order; an exception prints as the traceback's last line.
    private const string Script = """
        import ast, socket, sys, traceback
        cells = sys.stdin.read().split('\x1e')
        names = {'__name__': '__main__', 'socket': socket}
        for cell in cells:
            try:
                tree = ast.parse(cell)
                last = tree.body.pop() if tree.body and isinstance(tree.body[-1], ast.Expr) else None
                exec(compile(tree, '<tour>', 'exec'), names)
                r = repr(eval(compile(ast.Expression(last.value), '<tour>', 'eval'), names)) if last else 'None'
            except Exception as x:
                r = traceback.format_exception_only(type(x), x)[-1].rstrip('\n')
            sys.stdout.write(r + '\x1e')
            sys.stdout.flush()
        """;

    public static async Task<IReadOnlyList<string>?> TryRunAsync(IReadOnlyList<string> cells, CancellationToken cancellationToken)
    {
        if (cells.Count == 0)
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
            await process.StandardInput.WriteAsync(string.Join(Separator, cells)).ConfigureAwait(false);
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
            return process.ExitCode == 0 && results.Length == cells.Count + 1 ? results[..^1] : null;
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
