using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Sockit.Testing;

namespace Sockit.Cli.Tests.Netcat;

/// <summary>
/// A peer program (sockit, ncat, socat, python3) running in the background for the length of a test: stdin open for
/// writing, stdout captured as bytes, stderr as lines; killed on dispose.
/// </summary>
public sealed partial class BackgroundProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly MemoryStream _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly Task _stdoutTask;
    private readonly Task _stderrTask;

    private BackgroundProcess(Process process)
    {
        _process = process;
        _stdoutTask = process.StandardOutput.BaseStream.CopyToAsync(_stdout);
        _stderrTask = Task.Run(async () =>
        {
            while (await process.StandardError.ReadLineAsync() is { } line)
            {
                lock (_stderr)
                {
                    _stderr.Append(line).Append('\n');
                }
            }
        });
    }

    public int Id => _process.Id;

    public Stream Stdin => _process.StandardInput.BaseStream;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public static BackgroundProcess Start(string fileName, params string[] arguments) => new(ProcessRunner.Start(fileName, arguments));

    /// <summary>Starts <c>sockit ARGS</c> as a process.</summary>
    public static BackgroundProcess Sockit(params string[] arguments) => Start(Cli.DotnetPath, ["exec", Cli.ProgramPath, .. arguments]);

    /// <summary>Starts <c>sockit listen ...</c> and waits for its "listening on" line; returns the process and the port it names.</summary>
    public static async Task<(BackgroundProcess Process, int Port)> SockitListenAsync(params string[] arguments)
    {
        var process = Sockit(["listen", .. arguments]);
        var line = await process.WaitForStderrAsync("listening on ");
        var match = PortPattern().Match(line);
        return (process, match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
    }

    /// <summary>Waits until stderr holds a line containing <paramref name="text"/>, and returns that line.</summary>
    public async Task<string> WaitForStderrAsync(string text, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var line = Stderr.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }
            if (_process.HasExited)
            {
                await _stderrTask;
                line = Stderr.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
                return line ?? throw new InvalidOperationException($"process exited ({_process.ExitCode}) without printing '{text}': {Stderr}");
            }
            await Task.Delay(20);
        }
        throw new TimeoutException($"no '{text}' on stderr within the time: {Stderr}");
    }

    /// <summary>Waits until something accepts TCP connections on 127.0.0.1:<paramref name="port"/> (for peers that print nothing).</summary>
    public static async Task WaitForTcpPortAsync(int port, string host = "127.0.0.1")
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                using var probe = new Socket(SocketType.Stream, ProtocolType.Tcp);
                await probe.ConnectAsync(IPAddress.Parse(host), port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(30);
            }
        }
    }

    public async Task WriteStdinAsync(string text, bool close = false)
    {
        await Stdin.WriteAsync(Encoding.UTF8.GetBytes(text));
        await Stdin.FlushAsync();
        if (close)
        {
            Stdin.Close();
        }
    }

    /// <summary>Waits for the process to exit; returns its exit code, stdout bytes and stderr.</summary>
    public async Task<(int ExitCode, byte[] Stdout, string Stderr)> WaitAsync(TimeSpan? timeout = null)
    {
        using var cancellation = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"process {_process.StartInfo.FileName} {string.Join(' ', _process.StartInfo.ArgumentList)} did not exit; stderr: {Stderr}");
        }
        await _stdoutTask;
        await _stderrTask;
        return (_process.ExitCode, _stdout.ToArray(), Stderr);
    }

    /// <summary>Sends a signal (INT for Ctrl-C) with kill(1).</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }

    [GeneratedRegex(@"listening on .*:(\d+) \(")]
    private static partial Regex PortPattern();
}
