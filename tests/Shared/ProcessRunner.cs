using System.Diagnostics;

namespace Sockit.Testing;

/// <summary>Runs a program to completion with optional stdin, capturing stdout as bytes; kills it at the timeout.</summary>
public static class ProcessRunner
{
    /// <summary>Starts <paramref name="fileName"/> with stdin, stdout and stderr redirected (the caller reads them), no shell.</summary>
    public static Process Start(string fileName, IEnumerable<string> arguments, IDictionary<string, string>? environment = null)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                startInfo.Environment[key] = value;
            }
        }
        return Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {fileName}");
    }

    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, byte[]? stdin = null, TimeSpan? timeout = null, IDictionary<string, string>? environment = null)
    {
        using var process = Start(fileName, arguments, environment);
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        var stdout = new MemoryStream();
        var stdoutTask = process.StandardOutput.BaseStream.CopyToAsync(stdout, cancellation.Token);
        var stderrTask = process.StandardError.ReadToEndAsync(cancellation.Token);
        if (stdin is not null)
        {
            await process.StandardInput.BaseStream.WriteAsync(stdin, cancellation.Token);
        }
        process.StandardInput.Close();
        try
        {
            await process.WaitForExitAsync(cancellation.Token);
            await stdoutTask;
            var stderr = await stderrTask;
            return new ProcessResult(process.ExitCode, stdout.ToArray(), stderr);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout ?? TimeSpan.FromSeconds(60)}");
        }
    }
}
