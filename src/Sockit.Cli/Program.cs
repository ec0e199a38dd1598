using Sockit.Cli;

using var cancellation = new CancellationTokenSource();
// Ctrl-C cancels the running command, which closes its sockets cleanly; a second Ctrl-C kills the process.
Console.CancelKeyPress += (_, e) =>
{
    if (!cancellation.IsCancellationRequested)
    {
        e.Cancel = true;
        cancellation.Cancel();
    }
};
return await SockitApp.RunAsync(args, CliConsole.FromSystem(), cancellation.Token).ConfigureAwait(false);
