using System.ComponentModel;
using System.Diagnostics;
using Sockit.Connections;

namespace Sockit.Exec;

/// <summary>
/// Runs a program with a connection as its stdin and stdout (netcat's <c>-e</c>, with the half-close done right);
/// its stderr is not touched and goes where this process's stderr goes. Both ways close in order: the peer's
/// end-of-file closes the program's stdin while its output is still delivered; the program closing its stdout
/// (or exiting) shuts the connection's sending side down after the last byte. Copying goes through the
/// <see cref="Relay"/>'s two fixed buffers: a program that does not read stops the reading from the peer (so the
/// peer's sends wait), and nothing grows.
/// </summary>
public static class ProcessRelay
{
    /// <summary>
    /// Starts <paramref name="command"/>, relays until both ends are done, and waits for the program to exit.
    /// Throws <see cref="ProgramStartException"/> when the program cannot be started; on a connection failure or
    /// cancellation the program is killed.
    /// </summary>
    public static async ValueTask<ProcessRelayResult> RunAsync(Connection connection, ExecCommand command, ProcessRelayOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(command);
        options ??= new ProcessRelayOptions();
        using var process = Start(command);
        using var drain = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var wait = options.PeerCloseWait;
        var toProgram = new ProgramInputStream(process.StandardInput.BaseStream);
        var fromProgram = new ProgramOutputStream(process.StandardOutput.BaseStream, () => drain.CancelAfter(wait));
        var peerClosed = false;
        try
        {
            var relayOptions = options.Relay with { CloseOutputWhenPeerCloses = true };
            var relayed = await Relay.RunAsync(connection, fromProgram, toProgram, relayOptions, drain.Token).ConfigureAwait(false);
            peerClosed = relayed.PeerClosed;
        }
        catch (OperationCanceledException) when (drain.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The program is done and its last byte sent, but the peer did not close within PeerCloseWait: close anyway.
        }
        catch
        {
            Kill(process);
            throw;
        }
        finally
        {
            await toProgram.DisposeAsync().ConfigureAwait(false);
            await fromProgram.DisposeAsync().ConfigureAwait(false);
        }
        try
        {
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }
        return new ProcessRelayResult(new RelayResult(fromProgram.Count, toProgram.Count, InputEnded: true, peerClosed), process.Id, process.ExitCode)
        {
            BytesDiscarded = toProgram.Discarded,
        };
    }

    private static Process Start(ExecCommand command)
    {
        // Located here rather than by Process.Start, which would also look beside sockit and in the current directory.
        var startInfo = new ProcessStartInfo(command.Locate())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        try
        {
            return Process.Start(startInfo) ?? throw new ProgramStartException(command.FileName, ProgramStartException.NoSuchFile);
        }
        catch (Win32Exception e)
        {
            throw new ProgramStartException(command.FileName, e.NativeErrorCode, e);
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone.
        }
    }
}
