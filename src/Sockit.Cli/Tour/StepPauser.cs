namespace Sockit.Cli.Tour;

/// <summary>
/// For <c>--step</c>: asks on stderr and waits for a line on stdin. Enter goes on, <c>q</c> ends the tour; at end of
/// input it stops pausing.
/// </summary>
internal sealed class StepPauser(CliConsole console)
{
    private bool _inputEnded;

    /// <summary>Waits for the learner; false when they asked to end the tour.</summary>
    public async Task<bool> WaitAsync(int number, int count, string title, CancellationToken cancellationToken)
    {
        if (_inputEnded)
        {
            return true;
        }
        await console.Error.WriteAsync($"Press Enter for step {number}/{count}: {title} (q to quit) ").ConfigureAwait(false);
        var line = new List<byte>();
        var buffer = new byte[1];
        while (true)
        {
            var read = await console.Input.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _inputEnded = true;
                await console.Error.WriteLineAsync("(end of input: running the rest without pausing)").ConfigureAwait(false);
                return true;
            }
            if (buffer[0] == '\n')
            {
                var answer = System.Text.Encoding.UTF8.GetString([.. line]).Trim();
                return !answer.Equals("q", StringComparison.OrdinalIgnoreCase) && !answer.Equals("quit", StringComparison.OrdinalIgnoreCase);
            }
            line.Add(buffer[0]);
        }
    }
}
