using System.CommandLine;
using System.Globalization;

namespace Sockit.Cli.Arguments;

/// <summary>
/// The one way every timeout option reads a duration: <c>500ms</c>, <c>2s</c>, <c>1m</c>, or bare seconds (<c>2.5</c>),
/// greater than 0 and at most 24 hours. One parser, one range and one error line for all of them, so no command
/// takes <c>2s</c> while another refuses it, and no .NET type name reaches the user.
/// </summary>
internal static class Duration
{
    /// <summary>The longest duration any option takes: a day. Longer waits are better served by no timeout at all.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromHours(24);

    /// <summary>The accepted forms, in words, for help texts and error lines.</summary>
    public const string Forms = "500ms, 2s, 1m or seconds such as 2.5, greater than 0 and at most 24h";

    /// <summary>An option that takes one duration; its value is null when the option is not given.</summary>
    public static Option<TimeSpan?> Option(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "DURATION",
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
            if (TryParse(token, out var duration))
            {
                return duration;
            }
            result.AddError($"{name} takes a duration: {Forms} (not '{token}')");
            return null;
        },
    };

    /// <summary>Reads <c>500ms</c>, <c>2s</c>, <c>1m</c>, <c>1h</c> or bare seconds; false for anything else or anything out of range.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        var (number, unit) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 0.001)
            : text.EndsWith('s') ? (text[..^1], 1.0)
            : text.EndsWith('m') ? (text[..^1], 60.0)
            // The limit is written "24h" in messages, so the unit it is written in works too.
            : text.EndsWith('h') ? (text[..^1], 3600.0)
            : (text, 1.0);
        // Digits and one point only: no signs, exponents, spaces, "NaN" or "Infinity".
        if (number.Length == 0 || !number.All(c => char.IsAsciiDigit(c) || c == '.')
            || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }
        var seconds = value * unit;
        if (!(seconds > 0) || seconds > Max.TotalSeconds)
        {
            return false;
        }
        duration = TimeSpan.FromSeconds(seconds);
        // Below the clock's tick (e.g. 0.00000001s) rounds to nothing: that is not "greater than 0".
        return duration > TimeSpan.Zero;
    }

}
