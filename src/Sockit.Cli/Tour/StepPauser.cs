namespace Sockit.Cli.Tour;

/// <summary>For <c>--step</c>: asks on stderr and waits for a line on stdin; at end of input it stops pausing.</summary>
internal sealed class StepPauser(CliConsole console)
{
    private bool _inputEnded;

    public async Task WaitAsync(int number, int count, string title, CancellationToken cancellationToken)
    {
        if (_inputEnded)
        {
            return;
        }
        await console.Error.WriteAsync($"Press Enter for step {number}/{count}: {title} ").ConfigureAwait(false);
        var buffer = new byte[1];
        while (true)
        {
            var read = await console.Input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _inputEnded = true;
                await console.Error.WriteLineAsync("(end of input: running the rest without pausing)").ConfigureAwait(false);
                return;
            }
            if (buffer[0] == '\n')
            {
                return;
            }
        }
    }
}
