using Sockit.Cli.Commands;
using Sockit.Http;

namespace Sockit.Cli.Rendering;

/// <summary><c>get --format json</c>: nothing while the exchange runs, then one document describing the response (docs/cli-json.md).</summary>
internal sealed class GetJsonRenderer(CliConsole console, GetArguments arguments) : GetRenderer(console, arguments)
{
    public override void Completed(HttpWireResponse response) =>
        JsonOutput.Write(Console.Out, GetJson.From(Arguments.Request, response, Arguments.OutputPath), CliJsonContext.Default.GetJson);

    public override void Completed(HttpRedirectResult result) =>
        JsonOutput.Write(Console.Out, GetJson.From(Arguments.Request, result, Arguments.OutputPath), CliJsonContext.Default.GetJson);
}
