using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using Sockit.Cli.Rendering;
using Sockit.Http;

namespace Sockit.Cli.Commands;

/// <summary>
/// <c>sockit get URL [-i] [-I] [--raw] [-H 'Name: value']... [--http1.0] [-o FILE] [--timeout S] [-v]</c>:
/// the lesson's "socket as a web browser", reading the response exactly as RFC 9112 section 6.3 frames it.
/// </summary>
internal static class GetCommand
{
    public static Command Create(CliConsole console)
    {
        var url = new Argument<string>("URL") { Description = "An http:// URL (the scheme may be left out): http://localhost:8080/index.html" };
        var include = new Option<bool>("--include", "-i") { Description = "Print the status line and header fields before the body, and trailer fields after it" };
        var head = new Option<bool>("--head", "-I") { Description = "Send HEAD instead of GET, and print the response head" };
        var raw = new Option<bool>("--raw") { Description = "Print the response exactly as it came off the wire (head, chunk framing and all); the request goes to stderr" };
        var headers = new Option<string[]>("--header", "-H")
        {
            Description = "Add a header field, 'Name: value' (repeatable); a Host, User-Agent, Accept or Connection field replaces sockit's",
            HelpName = "'Name: value'",
            DefaultValueFactory = _ => [],
        };
        var http10 = new Option<bool>("--http1.0") { Description = "Send an HTTP/1.0 request instead of HTTP/1.1" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the body to FILE instead of stdout", HelpName = "FILE" };
        var timeout = new Option<double?>("--timeout") { Description = "Give up after S seconds for the whole transfer (exit 75); default no limit", HelpName = "S" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Trace the connection steps, the request (>) and response heads (<) on stderr" };

        var command = new Command("get", "Fetch an http:// URL over a raw socket, as the lesson's web-browser step, framed as RFC 9112 says")
        {
            url, include, head, raw, headers, http10, output, timeout, verbose,
        };
        CommandAction.Set(command, console, async (parseResult, cancellationToken) =>
        {
            var format = parseResult.GetValue(GlobalOptions.Format);
            var isHead = parseResult.GetValue(head);
            var request = new HttpWireRequest(ParseUrl(parseResult.GetValue(url)!), isHead ? "HEAD" : "GET")
            {
                Version = parseResult.GetValue(http10) ? new Version(1, 0) : new Version(1, 1),
                Headers = parseResult.GetValue(headers)!.Select(ParseHeader).ToList(),
            };
            var seconds = parseResult.GetValue(timeout);
            if (seconds is not null && (!(seconds > 0) || seconds > int.MaxValue / 1000))
            {
                throw CliException.Usage($"--timeout takes a number of seconds greater than 0, not {seconds.Value.ToString(CultureInfo.InvariantCulture)}");
            }

            var settings = new GetSettings(
                format,
                Include: parseResult.GetValue(include) || isHead,
                Raw: parseResult.GetValue(raw),
                Verbose: parseResult.GetValue(verbose),
                // A bar on stderr only when it is a terminal and the body is not being printed on that terminal too.
                Progress: console.ShowProgress && (parseResult.GetValue(output) is not null || !console.OutputIsTerminal));
            var outputPath = parseResult.GetValue(output);
            var file = outputPath is null ? null : OpenOutput(outputPath);
            await using (file)
            {
                // The body goes to -o FILE, else to stdout in text mode; --raw, json and python print the response their own way.
                Stream body = file is not null ? new SyncWriteStream(file)
                    : format == OutputFormat.Text && !settings.Raw ? new SyncWriteStream(console.OutputStream) : Stream.Null;
                var observer = new GetObserver(console, settings);
                var client = new HttpWireClient(new HttpWireClientOptions { Timeout = seconds is null ? null : TimeSpan.FromSeconds(seconds.Value) });
                HttpWireResponse response;
                try
                {
                    response = await client.SendAsync(request, body, observer, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    observer.ClearProgress();
                }
                Render(console, settings, request, response, observer, outputPath);
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Uri ParseUrl(string text)
    {
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw CliException.Usage($"'{text}' is not a URL (try http://localhost:8080/)");
        }
        if (uri.Scheme != Uri.UriSchemeHttp)
        {
            throw CliException.Usage($"'{text}': only http:// URLs are supported, sockit get speaks plain HTTP/1.x over a socket (for {uri.Scheme} use curl)");
        }
        if (uri.UserInfo.Length > 0)
        {
            throw CliException.Usage($"'{text}': user:password in the URL is not supported (send -H 'Authorization: ...' instead)");
        }
        return uri;
    }

    private static HttpHeaderField ParseHeader(string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (!HttpHeaderField.TryParse(Encoding.Latin1.GetBytes(text), out var field) || colon <= 0 || text.Any(c => c > 0xFF))
        {
            throw CliException.Usage($"-H '{text}' is not a header field: give 'Name: value' (a name without spaces, a colon, then the value)");
        }
        return field;
    }

    private static FileStream OpenOutput(string path)
    {
        try
        {
            // No FileStream buffer: the body arrives in receive-sized pieces already.
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, bufferSize: 0, useAsync: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliException(ExitCodes.IoError, $"cannot write '{path}': {e.Message} (check the path and permissions)");
        }
    }

    private static void Render(CliConsole console, GetSettings settings, HttpWireRequest request, HttpWireResponse response, GetObserver observer, string? outputPath)
    {
        switch (settings.Format)
        {
            case OutputFormat.Python:
                // What the lesson's `response` holds once it is read right: every byte of the reply, as Python's repr(bytes).
                console.Out.WriteLine(PyRepr.Bytes(observer.Wire!.GetBuffer().AsSpan(0, (int)observer.Wire.Length)));
                break;
            case OutputFormat.Json:
                JsonOutput.Write(console.Out, GetJson.From(request, response, outputPath), GetJsonContext.Default.GetJson);
                break;
            default:
                if (settings.Include && !settings.Raw && response.Trailers.Count > 0)
                {
                    var sb = new StringBuilder();
                    foreach (var trailer in response.Trailers)
                    {
                        sb.Append(trailer.Name).Append(": ").Append(trailer.Value).Append("\r\n");
                    }
                    console.Out.Write(sb.Append("\r\n").ToString());
                }
                break;
        }
    }

    private sealed record GetSettings(OutputFormat Format, bool Include, bool Raw, bool Verbose, bool Progress);

    /// <summary>Prints what the exchange shows as it happens: traces, wire bytes, heads, progress.</summary>
    private sealed class GetObserver(CliConsole console, GetSettings settings) : HttpWireObserver
    {
        private readonly long _started = Stopwatch.GetTimestamp();
        private long _lastProgress;
        private bool _progressShown;

        /// <summary>The whole response as received, for --format python.</summary>
        public MemoryStream? Wire { get; } = settings.Format == OutputFormat.Python ? new MemoryStream() : null;

        public override void OnTrace(string message)
        {
            if (settings.Verbose)
            {
                ClearProgress();
                console.Error.WriteLine($"* {message}");
            }
        }

        public override void OnRequestSent(ReadOnlySpan<byte> request)
        {
            if (settings.Raw)
            {
                console.ErrorStream.Write(request);
                console.ErrorStream.Flush();
            }
            else if (settings.Verbose)
            {
                WriteLines('>', Encoding.Latin1.GetString(request));
            }
        }

        public override void OnResponseBytes(ReadOnlySpan<byte> bytes)
        {
            if (settings.Raw && settings.Format == OutputFormat.Text)
            {
                console.OutputStream.Write(bytes);
            }
            Wire?.Write(bytes);
        }

        public override void OnInterimHead(HttpResponseHead head)
        {
            if (settings.Verbose)
            {
                WriteLines('<', head.Format());
            }
        }

        public override void OnHead(HttpResponseHead head, HttpBodyFraming framing, long? contentLength)
        {
            if (settings.Verbose)
            {
                WriteLines('<', head.Format());
            }
            if (settings.Include && !settings.Raw && settings.Format == OutputFormat.Text)
            {
                console.Out.Write(head.Format());
            }
        }

        public override void OnBodyProgress(long received, long? expected)
        {
            if (!settings.Progress)
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
}

internal sealed record GetFieldJson(string Name, string Value);

internal sealed record GetHeadJson(string Version, int Status, string Reason, IReadOnlyList<GetFieldJson> Headers);

internal sealed record GetJson(
    string Url,
    string Method,
    string? Remote,
    string Version,
    int Status,
    string Reason,
    IReadOnlyList<GetFieldJson> Headers,
    IReadOnlyList<GetHeadJson> Interim,
    IReadOnlyList<GetFieldJson> Trailers,
    string Framing,
    long? ContentLength,
    long BodyBytes,
    long WireBytes,
    double ElapsedMs,
    string? Output)
{
    public static GetJson From(HttpWireRequest request, HttpWireResponse response, string? output) => new(
        request.Url.ToString(),
        request.Method,
        response.RemoteEndPoint?.ToString(),
        $"{response.Head.Version.Major}.{response.Head.Version.Minor}",
        response.Head.StatusCode,
        response.Head.ReasonPhrase,
        Fields(response.Head.Headers),
        response.InterimHeads.Select(h => new GetHeadJson($"{h.Version.Major}.{h.Version.Minor}", h.StatusCode, h.ReasonPhrase, Fields(h.Headers))).ToList(),
        Fields(response.Trailers),
        response.Framing switch
        {
            HttpBodyFraming.None => "none",
            HttpBodyFraming.Chunked => "chunked",
            HttpBodyFraming.ContentLength => "content-length",
            _ => "until-close",
        },
        response.ContentLength,
        response.BodyLength,
        response.WireBytesReceived,
        Math.Round(response.Elapsed.TotalMilliseconds, 3),
        output);

    private static List<GetFieldJson> Fields(IEnumerable<HttpHeaderField> fields) => fields.Select(f => new GetFieldJson(f.Name, f.Value)).ToList();
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetJson))]
internal sealed partial class GetJsonContext : JsonSerializerContext;
