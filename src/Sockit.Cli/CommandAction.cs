using System.CommandLine;
using Sockit.Cli.Failures;

namespace Sockit.Cli;

/// <summary>
/// Runs a command's body and turns every failure it lets out into one line on stderr (text, or a JSON object with
/// <c>--format json</c>) and a documented exit code (<see cref="ExitCodes"/>; docs/ARCHITECTURE.md, "Exit codes"): the one catch site. What the line says
/// and what it advises comes from <see cref="FailureReport"/> and <see cref="FailureAdvice"/>. Only a bug ends up an
/// "internal error", and even then the user sees one line, not a stack trace.
/// </summary>
internal static class CommandAction
{
    public static void Set(Command command, CliConsole console, Func<ParseResult, CancellationToken, Task<int>> body)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            try
            {
                return await body(parseResult, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Interrupted;
            }
#pragma warning disable CA1031 // The one place every failure is caught, so the user never sees a stack trace.
            catch (Exception e)
#pragma warning restore CA1031
            {
                var context = FailureContext.From(parseResult);
                return FailureOutput.Write(console, context.Format, FailureReport.From(e, context));
            }
        });
    }
}
