using System.CommandLine;
using System.Net.Sockets;

namespace Sockit.Cli;

/// <summary>
/// Runs a command's body and turns every expected failure into one line on stderr and an exit code (docs/ARCHITECTURE.md, "Exit codes").
/// Only a bug reaches the last catch, and even then the user sees one line, not a stack trace.
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
            catch (CliException e)
            {
                return Fail(console, e.ExitCode, e.Message);
            }
            catch (SockitException e)
            {
                return Fail(console, ExitCodes.For(e.Failure), e.Message);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Interrupted;
            }
            catch (FileNotFoundException e)
            {
                return Fail(console, ExitCodes.NoInput, $"cannot read '{e.FileName}': no such file (check the path)");
            }
            catch (DirectoryNotFoundException e)
            {
                return Fail(console, ExitCodes.NoInput, $"{e.Message} (check the path)");
            }
            catch (UnauthorizedAccessException e)
            {
                return Fail(console, ExitCodes.NoInput, $"{e.Message} (check the file's permissions)");
            }
            catch (SocketException e)
            {
                return Fail(console, ExitCodes.Unavailable, $"socket error: {e.Message} ({e.SocketErrorCode})");
            }
            catch (IOException e)
            {
                return Fail(console, ExitCodes.IoError, $"I/O error: {e.Message}");
            }
#pragma warning disable CA1031 // The one place every unexpected failure is caught, so the user never sees a stack trace.
            catch (Exception e)
#pragma warning restore CA1031
            {
                return Fail(console, ExitCodes.Software, $"internal error: {e.GetType().Name}: {e.Message} (please report this)");
            }
        });
    }

    public static int Fail(CliConsole console, int exitCode, string message)
    {
        console.Error.WriteLine($"sockit: {message}");
        return exitCode;
    }
}
