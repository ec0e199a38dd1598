using System.CommandLine;
using System.Globalization;
using System.Text;
using Sockit.Cli.Arguments;
using Sockit.Cli.Rendering;
using Sockit.Http;

namespace Sockit.Cli.Commands;

/// <summary>
/// <c>sockit get URL [-i] [-I] [--raw] [-H 'Name: value']... [--http1.0] [-o FILE] [--timeout DURATION] [-v]</c>:
/// the lesson's "socket as a web browser", reading the response exactly as RFC 9112 section 6.3 frames it.
/// </summary>
internal static class GetCommand
{
    public static Command Create(CliConsole console)
    {
        var url = new Argument<string>("URL") { Description = "An http:// or https:// URL (the scheme may be left out for http): http://localhost:8080/index.html" };
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
        var timeout = Duration.Option("--timeout", "Give up when the whole transfer takes longer (exit 75): 500ms, 2s, 1m or seconds; default no limit");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Trace the connection steps, the TLS handshake, the request (>) and response heads (<) on stderr" };
        var tls = new TlsFlags();

        var command = new Command("get", "Fetch an http:// URL over a raw socket, as the lesson's web-browser step, framed as RFC 9112 says")
        {
            url, include, head, raw, headers, http10, output, timeout, verbose,
        };
        foreach (var option in tls.Client)
        {
            command.Options.Add(option);
        }
        CommandAction.Set(command, console, async (parseResult, cancellationToken) =>
        {
            var arguments = Parse(parseResult);
            var renderer = GetRenderer.For(console, arguments);
            var file = arguments.OutputPath is null ? null : OpenOutput(arguments.OutputPath);
            await using (file)
            {
                // The body goes to -o FILE, else where the format wants it (stdout for text, nowhere for --raw, json and python).
                var body = file is not null ? new SyncWriteStream(file) : renderer.Body;
                var client = new HttpWireClient(new HttpWireClientOptions { Timeout = arguments.Timeout, Tls = arguments.Tls });
                HttpWireResponse response;
                try
                {
                    response = await client.SendAsync(arguments.Request, body, renderer, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    renderer.ClearProgress();
                }
                renderer.Completed(response);
            }
            return ExitCodes.Ok;
        });
        return command;

        GetArguments Parse(ParseResult parseResult)
        {
            var isHead = parseResult.GetValue(head);
            var request = new HttpWireRequest(ParseUrl(parseResult.GetValue(url)!), isHead ? "HEAD" : "GET")
            {
                Version = parseResult.GetValue(http10) ? new Version(1, 0) : new Version(1, 1),
                Headers = parseResult.GetValue(headers)!.Select(ParseHeader).ToList(),
            };
            var outputPath = parseResult.GetValue(output);
            var https = request.Url.Scheme == Uri.UriSchemeHttps;
            if (!https && tls.Client.Any(o => parseResult.GetResult(o) is { Implicit: false }))
            {
                throw CliException.Usage("--cacert, --insecure, --cert, --key and --tls-min are for https:// URLs");
            }
            return new GetArguments(
                request,
                Include: parseResult.GetValue(include) || isHead,
                Raw: parseResult.GetValue(raw),
                Verbose: parseResult.GetValue(verbose),
                // A bar on stderr only when it is a terminal and the body is not being printed on that terminal too.
                Progress: console.ShowProgress && (outputPath is not null || !console.OutputIsTerminal),
                outputPath,
                parseResult.GetValue(timeout),
                parseResult.GetValue(GlobalOptions.Format))
            {
                Tls = https ? tls.ClientOptions(parseResult) : null,
            };
        }
    }

    private static Uri ParseUrl(string text)
    {
        var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "http://" + text;
        if (PortOutOfRange(withScheme) is { } port)
        {
            throw CliException.Usage($"port {port} in '{text}' is out of range: ports are 0-65535");
        }
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw CliException.Usage($"'{text}' is not a URL (try http://localhost:8080/)");
        }
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw CliException.Usage($"'{text}': only http:// and https:// URLs are supported, sockit get speaks HTTP/1.x over a socket (for {uri.Scheme} use curl)");
        }
        if (uri.UserInfo.Length > 0)
        {
            throw CliException.Usage($"'{text}': user:password in the URL is not supported (send -H 'Authorization: ...' instead)");
        }
        return uri;
    }

    /// <summary>
    /// The port of a URL when it is all digits but above 65535. <see cref="Uri"/> refuses such a URL without saying
    /// why, and "not a URL" would send the user looking at everything but the port.
    /// </summary>
    private static string? PortOutOfRange(string url)
    {
        var authority = url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..];
        authority = authority[..(authority.IndexOfAny(['/', '?', '#']) is var end and >= 0 ? end : authority.Length)];
        authority = authority[(authority.LastIndexOf('@') + 1)..];
        var colon = authority.LastIndexOf(':');
        if (colon < 0 || authority.LastIndexOf(']') > colon)
        {
            return null;
        }
        var port = authority[(colon + 1)..];
        return port.Length > 0 && port.All(char.IsAsciiDigit) && (port.Length > 5 || int.Parse(port, CultureInfo.InvariantCulture) > 65535) ? port : null;
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
}
