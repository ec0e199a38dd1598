using System.Text;
using Sockit.Cli.Rendering;

namespace Sockit.Cli.Tour;

/// <summary>Lesson step 4: messages are bytes; text is encoded to UTF-8 to send and decoded after receiving.</summary>
internal sealed class BytesStep : ITourStep
{
    private const string Question = "Hey, can you hear me?";
    private const string Answer = "Yes, I can hear you.";
    private const string Accented = "naïve café";

    public string Title => "Messages are bytes: encode text to send it, decode what arrives";

    public Task<TourStep> RunAsync(int number, TourOptions options, CancellationToken cancellationToken)
    {
        var encoded = Encoding.UTF8.GetBytes(Question);
        var decoded = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(Answer));
        var accentedBytes = Encoding.UTF8.GetBytes(Accented);
        TourLine[] lines =
        [
            new($"{PyRepr.Str(Question)}.encode('utf8')", $"Encoding.UTF8.GetBytes(\"{Question}\")",
                PyRepr.Bytes(encoded), $"{PyRepr.Str(Question)}.encode('utf8')"),
            new($"b{PyRepr.Str(Answer)}.decode('utf8')", $"Encoding.UTF8.GetString(\"{Answer}\"u8)",
                PyRepr.Str(decoded), $"b{PyRepr.Str(Answer)}.decode('utf8')"),
            new($"{PyRepr.Str(Accented)}.encode('utf8')", $"Encoding.UTF8.GetBytes(\"{Accented}\")",
                PyRepr.Bytes(accentedBytes), $"{PyRepr.Str(Accented)}.encode('utf8')"),
            new($"len({PyRepr.Str(Accented)}), len({PyRepr.Str(Accented)}.encode('utf8'))",
                $"(\"{Accented}\".Length, Encoding.UTF8.GetByteCount(\"{Accented}\"))",
                PyRepr.Tuple(PyRepr.Int(Accented.Length), PyRepr.Int(accentedBytes.Length)),
                $"len({PyRepr.Str(Accented)}), len({PyRepr.Str(Accented)}.encode('utf8'))"),
            SendTextInsteadOfBytes(),
        ];
        return Task.FromResult(new TourStep(number, Title,
            "A socket carries bytes, not text: UTF-8 turns text into bytes and back, and a character outside ASCII takes more than one byte.",
            lines,
            ["sending text where bytes are expected fails in both languages; with sockit's typed API (`connection.SendAsync(\"text\")`) C# refuses it at compile time, before anything runs"]));
    }

    // Python's TypeError, live: Py.SendAll checks the data's type at run time, as Python does, before sending anything.
    // C# names the type 'string' where Python says 'str'; the Python view says it Python's way.
    private static TourLine SendTextInsteadOfBytes()
    {
        var python = $"client_socket = socket.socket()\nclient_socket.sendall({PyRepr.Str(Question)})";
        var csharp = $"using var clientSocket = Py.Socket();\nPy.SendAll(clientSocket, \"{Question}\")";
        using var socket = Py.Socket();
        try
        {
            Py.SendAll(socket, Question);
            return TourLine.Checked(python, csharp, PyRepr.None);
        }
        catch (ArgumentException e)
        {
            var message = e.Message.Split(" (Parameter", 2)[0];
            return TourLine.Checked(python, csharp, $"{nameof(ArgumentException)}: {message}") with
            {
                PythonView = $"TypeError: {message.Replace("'string'", "'str'", StringComparison.Ordinal)}",
                Raises = true,
            };
        }
    }
}
