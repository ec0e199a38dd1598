using System.CommandLine;
using System.Globalization;
using System.Text;
using Sockit.Cli.Arguments;
using Sockit.Cli.Rendering;
using Sockit.Http;

namespace Sockit.Cli.Commands;

/// <summary>
/// <c>sockit get URL [-i] [-I] [--raw] [-H 'Name: value']... [--http1.0] [-o FILE] [--timeout DURATION] [-v]</c>
/// <c>[-X METHOD] [-d DATA|--json DATA] [-L [--max-redirs N]] [--fail] [-w FORMAT] [--resolve ...] [--connect-to ...]</c>:
/// the lesson's "socket as a web browser", reading the response exactly as RFC 9112 section 6.3 frames it, with what
/// scripts ask of curl (methods and bodies, redirects, --fail, timings as data, connection overrides).
/// One command, not an <c>http METHOD URL</c> beside it: README's "Why get also posts" says why.
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
        var output = new Option<string?>("--output", "-o") { Description = "Write the body to FILE instead of stdout; -o - prints it on stdout even when it is binary and stdout a terminal", HelpName = "FILE" };
        var timeout = Duration.Option("--timeout", "Give up when the whole transfer takes longer (exit 75): 500ms, 2s, 1m or seconds; default no limit");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Trace the connection steps, the TLS handshake, the request (>) and response heads (<) on stderr" };
        var method = new Option<string?>("--request", "-X") { Description = "Send METHOD instead of GET (POST with -d or --json)", HelpName = "METHOD" };
        var data = new Option<string[]>("--data", "-d", "--data-binary")
        {
            Description = "Send DATA as the request's content, byte for byte, with Content-Length (POST unless -X): TEXT, @FILE or @- for stdin; repeated, joined with &",
            HelpName = "DATA",
            DefaultValueFactory = _ => [],
        };
        var json = new Option<string[]>("--json")
        {
            Description = "Send DATA (TEXT, @FILE or @-) as JSON: like -d, with Content-Type and Accept application/json",
            HelpName = "DATA",
            DefaultValueFactory = _ => [],
        };
        var location = new Option<bool>("--location", "-L") { Description = "Follow redirects (301, 302, 303, 307, 308) as RFC 9110 says; a loop or too many exits 47" };
        var maxRedirects = new Option<int>("--max-redirs")
        {
            Description = "With -L, follow at most N redirects (default 10; -1 for no limit)",
            HelpName = "N",
            DefaultValueFactory = _ => HttpRedirectFollower.DefaultMaxRedirects,
        };
        var fail = new Option<bool>("--fail", "-f") { Description = "Exit 22 when the final status is 400 or more (the body is still written, as curl's --fail-with-body)" };
        var writeOut = new Option<string?>("--write-out", "-w")
        {
            Description = "Print FORMAT on stdout after the body, %{name} replaced as curl does: %{http_code} %{time_namelookup} %{time_connect} %{time_appconnect} %{time_starttransfer} %{time_total} %{size_download} %{remote_ip} %{remote_port} ...; \\n is a newline",
            HelpName = "FORMAT",
        };
        var resolve = new Option<string[]>("--resolve")
        {
            Description = "Connect to ADDR for HOST:PORT without looking HOST up (repeatable; the Host field keeps the URL's host)",
            HelpName = "HOST:PORT:ADDR",
            DefaultValueFactory = _ => [],
        };
        var connectTo = new Option<string[]>("--connect-to")
        {
            Description = "Connect to HOST2:PORT2 for requests to HOST:PORT (repeatable; empty parts match any or keep the URL's)",
            HelpName = "HOST:PORT:HOST2:PORT2",
            DefaultValueFactory = _ => [],
        };
        var tls = new TlsFlags();
        var proxy = ProxyFlag.Create();

        var command = new Command("get", "Fetch an http:// or https:// URL over a raw socket, as the lesson's web-browser step, framed as RFC 9112 says")
        {
            url, include, head, raw, headers, http10, output, timeout, verbose,
            method, data, json, location, maxRedirects, fail, writeOut, resolve, connectTo, proxy,
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
                // The FileStream itself: the library writes it in place, and splices a plain-http body into it (HttpWireObserver.WantsResponseBytes).
                var body = file ?? renderer.Body;
                var client = new HttpWireClient(new HttpWireClientOptions
                {
                    Timeout = arguments.Timeout,
                    Resolve = arguments.Resolve,
                    ConnectTo = arguments.ConnectTo,
                    Tls = arguments.Tls,
                    Proxy = arguments.Proxy,
                });
                HttpRedirectResult result;
                try
                {
                    result = arguments.FollowRedirects
                        ? await new HttpRedirectFollower(client, arguments.MaxRedirects).SendAsync(arguments.Request, body, renderer, cancellationToken).ConfigureAwait(false)
                        : new HttpRedirectResult
                        {
                            Response = await client.SendAsync(arguments.Request, body, renderer, cancellationToken).ConfigureAwait(false),
                            Request = arguments.Request,
                        };
                }
                catch (SockitException) when (arguments.WriteOut is { } failureTemplate)
                {
                    // As curl: -w is printed even when no response came (http_code 000), then the failure's line and code.
                    renderer.ClearProgress();
                    console.Out.Write(failureTemplate.Render(WriteOutVariables.NoResponse(arguments.Request)));
                    throw;
                }
                finally
                {
                    renderer.ClearProgress();
                }
                renderer.Completed(result);
                if (arguments.WriteOut is { } template)
                {
                    console.Out.Write(template.Render(new WriteOutVariables(result)));
                }
                if (arguments.Fail && result.Response.Head.StatusCode >= 400)
                {
                    // After the body and -w: --fail only changes the exit code (curl's --fail-with-body).
                    throw new CliException(ExitCodes.HttpError, $"{result.Request.Url} answered {result.Response.Head.StatusCode} {result.Response.Head.ReasonPhrase}".TrimEnd() + " (--fail: a status of 400 or more exits 22)");
                }
            }
            return ExitCodes.Ok;
        });
        return command;

        GetArguments Parse(ParseResult parseResult)
        {
            var isHead = parseResult.GetValue(head);
            var requestUrl = ParseUrl(parseResult.GetValue(url)!);
            var fields = parseResult.GetValue(headers)!.Select(ParseHeader).ToList();
            var isJson = parseResult.GetValue(json)!.Length > 0;
            var content = RequestBody.Read(parseResult.GetValue(data)!, parseResult.GetValue(json)!, console);
            var methodName = RequestMethod(parseResult.GetValue(method), isHead, content is not null);
            if (content is not null)
            {
                // curl's defaults for the content's type; a -H field of the same name wins.
                AddUnlessGiven(fields, "Content-Type", isJson ? "application/json" : "application/x-www-form-urlencoded");
                if (isJson)
                {
                    AddUnlessGiven(fields, "Accept", "application/json");
                }
            }
            HttpWireRequest request;
            try
            {
                request = new HttpWireRequest(requestUrl, methodName)
                {
                    Version = parseResult.GetValue(http10) ? new Version(1, 0) : new Version(1, 1),
                    Headers = fields,
                    // Not Body = content: a null byte[] would become an empty body, not none.
                    Body = content is null ? (ReadOnlyMemory<byte>?)null : content,
                };
            }
            catch (ArgumentException)
            {
                throw CliException.Usage($"-X '{methodName}' is not an HTTP method: a method is a token such as GET, POST, PUT or DELETE (RFC 9110 section 9)");
            }
            var maxRedirectCount = parseResult.GetValue(maxRedirects);
            if (maxRedirectCount < -1)
            {
                throw CliException.Usage($"--max-redirs {maxRedirectCount}: give a number of redirects, 0 or more, or -1 for no limit");
            }
            var writeOutFormat = parseResult.GetValue(writeOut);
            var format = parseResult.GetValue(GlobalOptions.Format);
            if (writeOutFormat is not null && format != OutputFormat.Text)
            {
                throw CliException.Usage($"-w prints on stdout beside the body, which --format {format.ToString().ToLowerInvariant()} keeps for its own document: use --format json's timings object, or drop --format");
            }
            var outputPath = parseResult.GetValue(output);
            var bodyToTerminal = outputPath == "-";
            outputPath = bodyToTerminal ? null : outputPath;
            var https = request.Url.Scheme == Uri.UriSchemeHttps;
            var proxyOptions = ProxyFlag.Parse(parseResult, proxy);
            if (proxyOptions is not null && parseResult.GetValue(resolve)!.Length > 0)
            {
                throw CliException.Usage("--resolve does not apply through --proxy, which connects to the URL's host itself (drop --resolve; socks5h:// has the proxy resolve the name)");
            }
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
                format)
            {
                FollowRedirects = parseResult.GetValue(location),
                MaxRedirects = maxRedirectCount == -1 ? int.MaxValue : maxRedirectCount,
                Fail = parseResult.GetValue(fail),
                WriteOut = writeOutFormat is null ? null : WriteOutTemplate.Parse(writeOutFormat),
                Resolve = parseResult.GetValue(resolve)!.Select(ConnectOverrides.ParseResolve).ToList(),
                ConnectTo = parseResult.GetValue(connectTo)!.Select(ConnectOverrides.ParseConnectTo).ToList(),
                BodyToTerminal = bodyToTerminal,
                Tls = https ? tls.ClientOptions(parseResult) : null,
                Proxy = proxyOptions,
            };
        }
    }

    // -X wins; -I is HEAD; content without -X is POST, as curl's -d.
    private static string RequestMethod(string? given, bool isHead, bool hasContent)
    {
        if (isHead && hasContent)
        {
            throw CliException.Usage("-I sends a HEAD request, which has no content: drop -I, or -d/--json");
        }
        if (isHead && given is not null && given != "HEAD")
        {
            throw CliException.Usage($"-I sends HEAD and -X {given} another method: use one of them");
        }
        return given ?? (isHead ? "HEAD" : hasContent ? "POST" : "GET");
    }

    private static void AddUnlessGiven(List<HttpHeaderField> fields, string name, string value)
    {
        if (!fields.Exists(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            fields.Add(new HttpHeaderField(name, value));
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
