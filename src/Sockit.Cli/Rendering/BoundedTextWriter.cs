using System.Text;

namespace Sockit.Cli.Rendering;

/// <summary>
/// Text written to a <see cref="BoundedConsoleWriter"/> as observation: each <see cref="Write(string)"/> or
/// <see cref="WriteLine(string)"/> is one chunk, queued whole or dropped whole (so a line is never cut), and nothing waits.
/// The renderers write a line or a hex dump's lines with one call.
/// </summary>
internal sealed class BoundedTextWriter(BoundedConsoleWriter writer) : TextWriter
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public override Encoding Encoding => s_utf8;

    public override void Write(char value) => Write(value.ToString());

    public override void Write(string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.TryWrite(s_utf8.GetBytes(value));
        }
    }

    public override void WriteLine(string? value) => Write(value + "\n");
}
