using System.CommandLine;

namespace Sockit.Cli.Tour;

/// <summary><c>sockit tour [--step] [--url URL]</c>: every step of the sockets lesson, live on this machine.</summary>
internal static class TourCommand
{
    /// <summary>The lesson's steps, in its order.</summary>
    public static IReadOnlyList<ITourStep> Steps { get; } =
    [
        new ServicesStep(),
        new NamesStep(),
        new SocketsStep(),
        new BytesStep(),
        new WebPageStep(),
        new ExchangeStep(),
        new ErrorsStep(),
        new UdpStep(),
        new Ipv6Step(),
        new SendStep(),
    ];

    public static Command Create(CliConsole console)
    {
        var step = new Option<bool>("--step")
        {
            Description = "Pause before each step until Enter, q to end the tour (for a learner following along)",
        };
        var url = new Option<Uri?>("--url")
        {
            Description = "Fetch the web page of step 5 from this http:// URL instead of a server the tour starts on loopback",
            HelpName = "URL",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp)
                {
                    return uri;
                }
                result.AddError($"--url takes an http:// URL such as http://127.0.0.1:8080/, not '{text}'");
                return null;
            },
        };
        var command = new Command("tour", "Walk through the sockets lesson live: each step's Python, the C# that does the same with sockit, and the result on this machine")
        {
            step, url,
        };
        CommandAction.Set(command, console, async (parseResult, cancellationToken) =>
        {
            var options = new TourOptions(parseResult.GetValue(url));
            var renderer = TourRenderer.For(parseResult.GetValue(GlobalOptions.Format), console);
            var pauser = parseResult.GetValue(step) ? new StepPauser(console) : null;
            var results = new List<TourStep>();
            for (var i = 0; i < Steps.Count; i++)
            {
                if (pauser is not null && !await pauser.WaitAsync(i + 1, Steps.Count, Steps[i].Title, cancellationToken).ConfigureAwait(false))
                {
                    await console.Error.WriteLineAsync($"(tour ended after step {i} of {Steps.Count})").ConfigureAwait(false);
                    break;
                }
                var result = await RunStepAsync(Steps[i], i + 1, options, cancellationToken).ConfigureAwait(false);
                result = await PythonCheck.RunAsync(result, cancellationToken).ConfigureAwait(false);
                renderer.Step(result, Steps.Count);
                results.Add(result);
            }
            renderer.End(results);
            return ExitCodes.Ok;
        });
        return command;
    }

    // A step that cannot run here (no loopback socket allowed, say) says why, and the tour goes on.
    private static async Task<TourStep> RunStepAsync(ITourStep step, int number, TourOptions options, CancellationToken cancellationToken)
    {
        try
        {
            return await step.RunAsync(number, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SockitException or System.Net.Sockets.SocketException or IOException)
        {
            return new TourStep(number, step.Title, "", [], [$"this step could not run here: {e.Message}"]);
        }
    }
}
