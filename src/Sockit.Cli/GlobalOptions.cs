using System.CommandLine;

namespace Sockit.Cli;

/// <summary>Options every command takes.</summary>
internal static class GlobalOptions
{
    public static Option<OutputFormat> Format { get; } = new("--format")
    {
        Description = "Output: text (for people), json (one document, JSON Lines for streams), python (exactly what Python's socket module prints)",
        DefaultValueFactory = _ => OutputFormat.Text,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (Enum.TryParse<OutputFormat>(token, ignoreCase: true, out var format) && !token.All(char.IsAsciiDigit))
            {
                return format;
            }
            result.AddError($"--format takes text, json or python, not '{token}'");
            return OutputFormat.Text;
        },
        Recursive = true,
        HelpName = "text|json|python",
    };
}
