using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sockit.Cli.Failures;

/// <summary>
/// Writes a <see cref="FailureReport"/> to stderr: <c>sockit: MESSAGE</c>, or with <c>--format json</c> one JSON object
/// line <c>{"error": KIND, "exit": N, "message": MESSAGE}</c> that a program can parse instead of the text.
/// </summary>
internal static class FailureOutput
{
    public static int Write(CliConsole console, OutputFormat format, FailureReport report)
    {
        try
        {
            console.Error.WriteLine(format == OutputFormat.Json ? Json(report) : $"sockit: {report.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // stderr is closed too: the exit code is all that is left to say it.
        }
        return report.ExitCode;
    }

    // Written with Utf8JsonWriter directly: three fixed fields need no serializer context.
    public static string Json(FailureReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            // stderr goes to a terminal or a log, never into HTML: keep quotes and non-ASCII readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }))
        {
            json.WriteStartObject();
            json.WriteString("error", report.Kind);
            json.WriteNumber("exit", report.ExitCode);
            json.WriteString("message", report.Message);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
