using Sockit.Cli;

// Not disposed: Cancel runs the command's cancellation callbacks on the signal's thread, and the command may finish
// and return from here inside that call; a disposed source would then throw out of Cancel (a stack trace on Ctrl-C).
var cancellation = new CancellationTokenSource();
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
