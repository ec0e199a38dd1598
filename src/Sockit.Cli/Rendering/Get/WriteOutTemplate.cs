using System.Text;

namespace Sockit.Cli.Rendering;

/// <summary>
/// A <c>get -w/--write-out</c> format, parsed as curl reads it: <c>%{name}</c> is a variable (<see cref="WriteOutVariables"/>),
/// <c>%%</c> a percent sign, <c>\n</c>, <c>\r</c> and <c>\t</c> a newline, carriage return and tab; anything else is
/// printed as written. Unlike curl, an unknown variable is a usage error at once, so a typo cannot go unseen in a script.
/// </summary>
internal sealed class WriteOutTemplate
{
    private readonly List<(string? Literal, string? Variable)> _parts;

    private WriteOutTemplate(List<(string? Literal, string? Variable)> parts) => _parts = parts;

    /// <summary>The variables used, in order.</summary>
    public IEnumerable<string> Variables => _parts.Where(p => p.Variable is not null).Select(p => p.Variable!);

    /// <summary>Parses <paramref name="format"/>; throws a usage error naming an unknown variable.</summary>
    public static WriteOutTemplate Parse(string format)
    {
        var parts = new List<(string?, string?)>();
        var literal = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c == '%' && i + 1 < format.Length && format[i + 1] == '%')
            {
                literal.Append('%');
                i++;
            }
            else if (c == '%' && i + 1 < format.Length && format[i + 1] == '{' && format.IndexOf('}', i + 2) is var end and > 0)
            {
                var name = format[(i + 2)..end];
                if (!WriteOutVariables.IsKnown(name))
                {
                    throw CliException.Usage($"-w: unknown variable %{{{name}}} (known: {string.Join(", ", WriteOutVariables.Names.Select(n => $"%{{{n}}}"))})");
                }
                Flush();
                parts.Add((null, name));
                i = end;
            }
            else if (c == '\\' && i + 1 < format.Length)
            {
                // As curl: \n, \r and \t are escapes; a backslash before anything else is printed with it, both consumed.
                literal.Append(format[i + 1] switch { 'n' => "\n", 'r' => "\r", 't' => "\t", var other => $"\\{other}" });
                i++;
            }
            else
            {
                literal.Append(c);
            }
        }
        Flush();
        return new WriteOutTemplate(parts);

        void Flush()
        {
            if (literal.Length > 0)
            {
                parts.Add((literal.ToString(), null));
                literal.Clear();
            }
        }
    }

    /// <summary>The text to print, each variable given by <paramref name="values"/>.</summary>
    public string Render(WriteOutVariables values)
    {
        var text = new StringBuilder();
        foreach (var (literal, variable) in _parts)
        {
            text.Append(literal ?? values.Get(variable!));
        }
        return text.ToString();
    }
}
