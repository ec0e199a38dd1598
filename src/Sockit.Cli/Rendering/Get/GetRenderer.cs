using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sockit.Cli.Commands;
using Sockit.Http;

namespace Sockit.Cli.Rendering;

/// <summary>
/// Shows a <c>get</c> exchange as it happens and once it is done. The library reports the exchange's events through
/// <see cref="HttpWireObserver"/> (trace steps, request sent, bytes received, heads, body progress) and then returns
/// the <see cref="HttpWireResponse"/>; each format renders both its own way. What every format shares lives here:
/// <c>-v</c> traces and <c>--raw</c>'s request on stderr, and the progress bar.
/// </summary>
internal abstract class GetRenderer(CliConsole console, GetArguments arguments) : HttpWireObserver
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _lastProgress;
    private bool _progressShown;

    protected CliConsole Console => console;

    protected GetArguments Arguments => arguments;

    /// <summary>Where the body goes when there is no <c>-o FILE</c>: stdout for text, nowhere for formats that print the response their own way.</summary>
    public virtual Stream Body => Stream.Null;

    /// <summary>Only <c>--raw</c> and <c>--format python</c> show the body's bytes as they came; the others let it skip the process.</summary>
    public override bool WantsResponseBytes => false;

    public static GetRenderer For(CliConsole console, GetArguments arguments) => arguments.Format switch
    {
        OutputFormat.Json => new GetJsonRenderer(console, arguments),
        OutputFormat.Python => new GetPythonRenderer(console, arguments),
        _ => new GetTextRenderer(console, arguments),
    };

    /// <summary>The exchange is over and the response fully read.</summary>
    public abstract void Completed(HttpWireResponse response);

    /// <summary>The exchange is over, redirects followed (with <c>-L</c>) and the last response fully read.</summary>
    public virtual void Completed(HttpRedirectResult result) => Completed(result.Response);

    public override void OnTrace(string message)
    {
        if (arguments.Verbose)
        {
            ClearProgress();
            console.Error.WriteLine($"* {message}");
        }
    }

    public override void OnRequestSent(ReadOnlySpan<byte> request)
    {
        if (arguments.Raw)
        {
            console.ErrorStream.Write(request);
            console.ErrorStream.Flush();
        }
        else if (arguments.Verbose)
        {
            // The head line by line; the content, if any, as its size (curl -v's "[5 bytes data]").
            var headEnd = request.IndexOf("\r\n\r\n"u8) is var end and >= 0 ? end + 4 : request.Length;
            WriteLines('>', Encoding.Latin1.GetString(request[..headEnd]));
            if (headEnd < request.Length)
            {
                console.Error.WriteLine($"> [{request.Length - headEnd} bytes of content]");
            }
        }
    }

    public override void OnInterimHead(HttpResponseHead head)
    {
        if (arguments.Verbose)
        {
            WriteLines('<', head.Format());
        }
    }

    public override void OnHead(HttpResponseHead head, HttpBodyFraming framing, long? contentLength)
    {
        if (arguments.Verbose)
        {
            WriteLines('<', head.Format());
        }
    }

    public override void OnBodyProgress(long received, long? expected)
    {
        if (!arguments.Progress)
        {
            return;
        }
        var now = Stopwatch.GetTimestamp();
        var elapsed = Stopwatch.GetElapsedTime(_started, now);
        // Only long downloads get a bar, redrawn five times a second.
        if (elapsed < TimeSpan.FromSeconds(0.5) || Stopwatch.GetElapsedTime(_lastProgress, now) < TimeSpan.FromSeconds(0.2))
        {
            return;
        }
        _lastProgress = now;
        var rate = received / Math.Max(elapsed.TotalSeconds, 0.001);
        var line = expected is { } total && total > 0
            ? $"{Size(received)} of {Size(total)} {100.0 * received / total,5:0.0}% {Size((long)rate)}/s"
            : $"{Size(received)} {Size((long)rate)}/s";
        console.Error.Write($"\r{line,-50}");
        _progressShown = true;
    }

    /// <summary>Wipes the progress bar, before a trace line or when the exchange ends (well or not).</summary>
    public void ClearProgress()
    {
        if (_progressShown)
        {
            console.Error.Write($"\r{new string(' ', 50)}\r");
            _progressShown = false;
        }
    }

    private void WriteLines(char prefix, string text)
    {
        ClearProgress();
        // The head ends in an empty line: print it once, as curl -v does.
        foreach (var line in text.Split("\r\n")[..^1])
        {
            console.Error.WriteLine($"{prefix} {line}".TrimEnd());
        }
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.00} GiB"),
    };
}
