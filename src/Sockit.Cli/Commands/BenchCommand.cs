using System.CommandLine;
using System.Globalization;
using Sockit.Cli.Arguments;
using Sockit.Cli.Rendering;
using Sockit.Connections;
using Sockit.Load;

namespace Sockit.Cli.Commands;

/// <summary>
/// <c>sockit bench HOST PORT</c>: an echo load generator. Each of <c>-c</c> connections sends a message, waits for its
/// whole echo, checks every byte and repeats (<c>--pipeline N</c>: N in flight), for <c>--duration</c> or
/// <c>--requests</c>; then round trips a second, MB/s, latency percentiles, errors and mismatches. Exit 0 when every
/// echo matched and nothing failed, 65 when an echo differed, 74 when connections failed during the run, 69 when
/// nothing could connect at all.
/// </summary>
internal static class BenchCommand
{
    public const int MaxConnections = 10_000;
    public const int MaxPipeline = 4096;

    /// <summary>The largest message: 16 MiB. Larger says nothing a 1 MiB message does not, and costs memory a connection.</summary>
    public const int MaxMessageSize = 16 * 1024 * 1024;

    /// <summary>The most bytes one connection keeps in flight (message size times pipeline): 64 MiB.</summary>
    public const long MaxInFlightBytes = 64L * 1024 * 1024;

    public static Command Create(CliConsole console)
    {
        var host = new Argument<string?>("HOST") { Description = "The echo server's host name or address (localhost, 127.0.0.1, ::1)", Arity = ArgumentArity.ZeroOrOne };
        var port = new Argument<string?>("PORT") { Description = "The echo server's port number or service name (echo)", Arity = ArgumentArity.ZeroOrOne };
        var connections = Count("--connections", "-c", $"Connections side by side, each its own message loop (default {LoadOptions.DefaultConnections}; 1 to {MaxConnections})", LoadOptions.DefaultConnections, MaxConnections);
        var size = ByteSize.Option("--size", $"Bytes a message: 64, 64k, 1m (default {LoadOptions.DefaultMessageSize}; UDP at most {LoadOptions.MaxDatagramSize})", LoadOptions.DefaultMessageSize, MaxMessageSize);
        var duration = Duration.Option("--duration", "How long to send: 500ms, 2s, 1m or seconds (default 10s); the messages in flight then finish");
        var requests = new Option<long?>("--requests", "-n")
        {
            Description = "Send this many messages in all, shared by the connections, instead of running for --duration",
            HelpName = "N",
            CustomParser = result => PositiveNumber(result, "--requests", long.MaxValue),
        };
        var pipeline = Count("--pipeline", null, "Messages in flight a connection: send N, then one more for each echo (default 1; TCP and -U only)", 1, MaxPipeline);
        var udp = new Option<bool>("--udp", "-u") { Description = "UDP: one datagram a message, one at a time a socket; a datagram whose echo does not come within --echo-timeout counts as an error" };
        var unix = new Option<string?>("--unix", "-U") { Description = "Load the echo server on the Unix domain stream socket at PATH (no HOST or PORT)", HelpName = "PATH" };
        var connectTimeout = Duration.Option("--connect-timeout", "How long each connect may take: 500ms, 2s, 1m or seconds (default: the OS's)");
        var echoTimeout = Duration.Option("--echo-timeout", "How long an echo may take before it counts as an error: 500ms, 2s, 1m or seconds (default 5s)");

        var command = new Command("bench", "Load an echo server: round trips a second, MB/s, latency percentiles and histogram; every echoed byte checked (exit 65 on a mismatch, 74 on errors)")
        {
            host, port, connections, size, duration, requests, pipeline, udp, unix, connectTimeout, echoTimeout,
        };
        CommandAction.Set(command, console, async (parseResult, cancellationToken) =>
        {
            var arguments = Parse(parseResult);
            var progress = console.ShowProgress ? new BenchProgress(console.Error) : null;
            LoadResult result;
            try
            {
                result = await LoadGenerator.RunAsync(arguments.Load with { Progress = progress }, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                progress?.Clear();
            }
            new BenchRenderer(drawHistogram: console.OutputIsTerminal).Render(console, arguments.Format, result);
            return ExitCode(result);
        });
        return command;

        BenchArguments Parse(ParseResult parseResult)
        {
            var format = parseResult.GetValue(GlobalOptions.Format);
            if (format == OutputFormat.Python)
            {
                throw CliException.Usage("sockit bench has no python format (Python's socket module has no load generator to compare with): use --format json");
            }
            var unixPath = parseResult.GetValue(unix);
            var hostName = parseResult.GetValue(host);
            var portText = parseResult.GetValue(port);
            var isUdp = parseResult.GetValue(udp);
            if (unixPath is not null)
            {
                if (hostName is not null || isUdp)
                {
                    throw CliException.Usage("-U PATH takes no HOST or PORT, and no -u (sockit bench -U /tmp/echo.sock)");
                }
                NetcatArguments.UnixPath(unixPath);
            }
            else if (hostName is null || portText is null)
            {
                throw CliException.Usage("give the echo server's host and port (sockit bench localhost 7000) or -U PATH");
            }
            else
            {
                NetcatArguments.Host(hostName);
            }
            var messageSize = parseResult.GetValue(size);
            var depth = parseResult.GetValue(pipeline);
            if (isUdp && messageSize > LoadOptions.MaxDatagramSize)
            {
                throw CliException.Usage($"--size {messageSize} is more than one UDP datagram carries: at most {LoadOptions.MaxDatagramSize} bytes with -u");
            }
            if (isUdp && depth != 1)
            {
                throw CliException.Usage("--pipeline goes with TCP and -U: UDP sends one datagram at a time a socket, so each one's timeout is its own (raise -c for more load)");
            }
            if ((long)messageSize * depth > MaxInFlightBytes)
            {
                throw CliException.Usage($"--size {ByteSize.Format(messageSize)} x --pipeline {depth} keeps more than {ByteSize.Format(MaxInFlightBytes)} in flight a connection: lower one of them");
            }
            var count = parseResult.GetValue(requests);
            var runFor = parseResult.GetValue(duration);
            if (count is not null && runFor is not null)
            {
                throw CliException.Usage("give --duration or --requests, not both");
            }
            var transport = unixPath is not null ? Transport.Unix : isUdp ? Transport.Udp : Transport.Tcp;
            var load = new LoadOptions
            {
                Transport = transport,
                Host = hostName ?? "localhost",
                Port = unixPath is null ? NetcatArguments.Port(portText!, isUdp ? "udp" : "tcp") : 0,
                Path = unixPath,
                Connections = parseResult.GetValue(connections),
                MessageSize = messageSize,
                Pipeline = depth,
                Duration = runFor ?? LoadOptions.DefaultDuration,
                Requests = count,
                ConnectTimeout = parseResult.GetValue(connectTimeout),
                EchoTimeout = parseResult.GetValue(echoTimeout) ?? LoadOptions.DefaultEchoTimeout,
            };
            return new BenchArguments(load, format);
        }
    }

    /// <summary>0 when every echo matched and nothing failed; 65 (data error) when an echo differed; else 74 (I/O error) when something failed.</summary>
    public static int ExitCode(LoadResult result) =>
        result.Mismatches > 0 ? ExitCodes.DataError
        : result.Errors > 0 ? ExitCodes.IoError
        : ExitCodes.Ok;

    private static Option<int> Count(string name, string? alias, string description, int defaultValue, int max)
    {
        var option = alias is null ? new Option<int>(name) : new Option<int>(name, alias);
        option.Description = description;
        option.HelpName = "N";
        option.DefaultValueFactory = _ => defaultValue;
        option.CustomParser = result => (int)(PositiveNumber(result, name, max) ?? defaultValue);
        return option;
    }

    // A whole number from 1 to max, with a line that says so rather than .NET's type names.
    private static long? PositiveNumber(System.CommandLine.Parsing.ArgumentResult result, string name, long max)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (token.Length > 0 && token.All(char.IsAsciiDigit)
            && long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1 && value <= max)
        {
            return value;
        }
        result.AddError(max == long.MaxValue
            ? $"{name} takes a whole number greater than 0 (not '{token}')"
            : $"{name} takes a whole number from 1 to {max} (not '{token}')");
        return null;
    }
}
