using System.Text;

namespace Sockit.Cli;

/// <summary>
/// The program's standard streams. Commands write text to <see cref="Out"/> and <see cref="Error"/>, and raw bytes
/// to <see cref="OutputStream"/>; tests build one over memory streams to capture everything a command prints.
/// </summary>
internal sealed class CliConsole
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public CliConsole(Stream input, Stream output, Stream error, bool inputIsTerminal = false, bool outputIsTerminal = false, bool errorIsTerminal = false, bool noColor = true)
    {
        Input = input;
        OutputStream = output;
        ErrorStream = error;
        // AutoFlush keeps text and raw bytes written to the same stream in order.
        Out = new StreamWriter(output, s_utf8, 4096, leaveOpen: true) { AutoFlush = true, NewLine = "\n" };
        Error = new StreamWriter(error, s_utf8, 1024, leaveOpen: true) { AutoFlush = true, NewLine = "\n" };
        InputIsTerminal = inputIsTerminal;
        OutputIsTerminal = outputIsTerminal;
        ErrorIsTerminal = errorIsTerminal;
        NoColor = noColor;
    }

    public Stream Input { get; }

    public Stream OutputStream { get; }

    public Stream ErrorStream { get; }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    public bool InputIsTerminal { get; }

    public bool OutputIsTerminal { get; }

    public bool ErrorIsTerminal { get; }

    /// <summary>True when the user asked for no colour (NO_COLOR set, https://no-color.org); colour also needs a terminal.</summary>
    public bool NoColor { get; }

    /// <summary>Whether stdout may carry colour: a terminal, and NO_COLOR not set.</summary>
    public bool ColorOnOutput => OutputIsTerminal && !NoColor;

    /// <summary>Progress bars and colour go to stderr only when it is a terminal.</summary>
    public bool ShowProgress => ErrorIsTerminal;

    public static CliConsole FromSystem() => new(
        Console.OpenStandardInput(),
        // Descriptor 1 is stdout on Unix only; Windows keeps .NET's console stream.
        OperatingSystem.IsWindows() ? Console.OpenStandardOutput() : StandardOutput.Open(),
        Console.OpenStandardError(),
        inputIsTerminal: !Console.IsInputRedirected,
        outputIsTerminal: !Console.IsOutputRedirected,
        errorIsTerminal: !Console.IsErrorRedirected,
        noColor: !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));
}
