using Sockit.Cli;

// A command-line program moves one or a few streams: run socket completions on the socket engine's own thread
// instead of handing each to the thread pool. On a 1 GiB download this cut system time about threefold (thread-pool
// wake-ups and spinning), see docs/BENCHMARKS.md. .NET reads this switch once, when the first socket operation
// starts, so it must be set before anything else; a value the user set explicitly is kept.
const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
if (Environment.GetEnvironmentVariable(InlineCompletions) is null)
{
    Environment.SetEnvironmentVariable(InlineCompletions, "1");
}

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
