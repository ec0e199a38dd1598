using System.Runtime.InteropServices;
using Sockit.Cli;

// `get` moves one stream one way: run its socket completions on the socket engine's own thread instead of handing
// each to the thread pool. On a 1 GiB download this cut system time about fivefold (thread-pool wake-ups and
// spinning), see docs/BENCHMARKS.md. Only for `get` and `bench`: connect and listen write stdout from their receive loops, and a
// write blocked by a slow reader (a pipeline looping back through a fifo, as netcat proxies do) must not stall the
// thread that completes every other socket operation. .NET reads the switch once, at the first socket operation, so it
// is set before anything runs; a value the user set explicitly is kept. `bench` too: its connections' loops never block
// (its live line is written from a timer thread), and a load generator that hands every echo to the thread pool spends
// its time waking threads instead of sending.
const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
if (args.Length > 0 && args[0] is "get" or "bench" && Environment.GetEnvironmentVariable(InlineCompletions) is null)
{
    Environment.SetEnvironmentVariable(InlineCompletions, "1");
}

// Not disposed: Cancel runs the command's cancellation callbacks on the signal's thread, and the command may finish
// and return from here inside that call; a disposed source would then throw out of Cancel (a stack trace on Ctrl-C).
var cancellation = new CancellationTokenSource();
// Ctrl-C (and Ctrl-\) cancels the running command, which closes its sockets cleanly; a second one kills the process.
// The signals themselves, as Console.CancelKeyPress registers them underneath, but without the console set-up that event
// does first (the terminal's state, System.Console's own writers): sockit never uses it, and it was a twentieth of
// `sockit service ssh`'s start-up.
// Kept, not disposed, to the process's end, as the event's registrations are: a signal that comes as the command
// returns still only cancels.
var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Cancel);
var exitCode = await SockitApp.RunAsync(args, CliConsole.FromSystem(), cancellation.Token).ConfigureAwait(false);
GC.KeepAlive(interrupt);
GC.KeepAlive(quit);
return exitCode;

void Cancel(PosixSignalContext context)
{
    if (!cancellation.IsCancellationRequested)
    {
        context.Cancel = true;
        cancellation.Cancel();
    }
}
