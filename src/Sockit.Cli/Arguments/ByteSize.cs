using System.CommandLine;
using System.Globalization;

namespace Sockit.Cli.Arguments;

/// <summary>
/// The one way a size option reads bytes (docs/ARCHITECTURE.md, Arguments/): <c>64</c>, <c>64k</c> (KiB),
/// <c>1m</c> (MiB), whole numbers only, greater than 0 and at most a limit the option names.
/// </summary>
internal static class ByteSize
{
    /// <summary>The accepted forms, in words, for help texts and error lines.</summary>
    public const string Forms = "bytes such as 64, 64k (x1024) or 1m (x1048576)";

    /// <summary>An option that takes one size from 1 to <paramref name="max"/> bytes.</summary>
    public static Option<int> Option(string name, string description, int defaultValue, int max) => new(name)
    {
        Description = description,
        HelpName = "BYTES",
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (TryParse(token, out var size) && size <= max)
            {
                return (int)size;
            }
            result.AddError($"{name} takes {Forms}, from 1 to {Format(max)} (not '{token}')");
            return defaultValue;
        },
    };

    /// <summary>Reads <c>64</c>, <c>64k</c>, <c>1m</c> (either case); false for anything else, 0, or more than a long holds.</summary>
    public static bool TryParse(string text, out long size)
    {
        size = 0;
        var (digits, unit) = text.EndsWith('k') || text.EndsWith('K') ? (text[..^1], 1024L)
            : text.EndsWith('m') || text.EndsWith('M') ? (text[..^1], 1024L * 1024)
            : (text, 1L);
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)
            || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number == 0 || number > long.MaxValue / unit)
        {
            return false;
        }
        size = number * unit;
        return true;
    }

    /// <summary>A size as people read it: <c>64 B</c>, <c>64 KiB</c>, <c>1 MiB</c>, or bytes when it is not a whole unit.</summary>
    public static string Format(long size) =>
        size >= 1024 * 1024 && size % (1024 * 1024) == 0 ? string.Create(CultureInfo.InvariantCulture, $"{size / (1024 * 1024)} MiB")
        : size >= 1024 && size % 1024 == 0 ? string.Create(CultureInfo.InvariantCulture, $"{size / 1024} KiB")
        : string.Create(CultureInfo.InvariantCulture, $"{size} B");
}
