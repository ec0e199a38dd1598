using System.Text;

namespace Sockit.Cli.Commands;

/// <summary>
/// The content of <c>get -d/--data/--data-binary</c> and <c>--json</c>: each value is TEXT, <c>@FILE</c> or <c>@-</c>
/// (stdin), sent byte for byte (curl's --data-binary: no newline stripped from a file). Several <c>-d</c> values are
/// joined with <c>&amp;</c> and several <c>--json</c> values run together, as curl does.
/// </summary>
internal static class RequestBody
{
    public static byte[]? Read(IReadOnlyList<string> data, IReadOnlyList<string> json, CliConsole console)
    {
        if (data.Count > 0 && json.Count > 0)
        {
            throw CliException.Usage("-d and --json both give the request's content: use one of them");
        }
        if (data.Count == 0 && json.Count == 0)
        {
            return null;
        }
        var separator = data.Count > 0 ? "&"u8.ToArray() : [];
        var content = new MemoryStream();
        var first = true;
        foreach (var value in data.Count > 0 ? data : json)
        {
            if (!first)
            {
                content.Write(separator);
            }
            first = false;
            content.Write(ReadOne(value, data.Count > 0 ? "-d" : "--json", console));
        }
        return content.ToArray();
    }

    private static byte[] ReadOne(string value, string option, CliConsole console)
    {
        if (value == "@-")
        {
            var stdin = new MemoryStream();
            console.Input.CopyTo(stdin);
            return stdin.ToArray();
        }
        if (value.StartsWith('@'))
        {
            var path = value[1..];
            if (path.Length == 0)
            {
                throw CliException.Usage($"{option} @ needs a file name: {option} @FILE, or {option} @- for stdin");
            }
            try
            {
                return File.ReadAllBytes(path);
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
                throw new CliException(ExitCodes.NoInput, $"cannot read '{path}' for {option} @{path}: no such file (check the path; to send text starting with @, put it in a file)");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new CliException(ExitCodes.NoInput, $"cannot read '{path}' for {option} @{path}: {e.Message} (check the file's permissions)");
            }
        }
        return Encoding.UTF8.GetBytes(value);
    }
}
