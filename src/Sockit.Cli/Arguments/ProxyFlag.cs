using System.CommandLine;
using Sockit.Proxies;

namespace Sockit.Cli.Arguments;

/// <summary>
/// <c>--proxy URL</c> on <c>connect</c> and <c>get</c>: curl's spellings (<c>socks5://</c>, <c>socks5h://</c>,
/// <c>http://</c>), read by the library's <see cref="ProxyOptions.TryParse"/>; a URL it cannot use is one usage line.
/// Only the flag counts: no environment variable (http_proxy, ALL_PROXY) is read, as ncat reads none, so a command
/// line does the same thing wherever it runs (README, "Proxies").
/// </summary>
internal static class ProxyFlag
{
    public static Option<string?> Create() => new("--proxy")
    {
        Description = "Connect through a proxy (ncat's --proxy, curl's -x): socks5://[USER:PASS@]HOST:PORT resolves the target here, "
            + "socks5h://... lets the proxy resolve it, http://[USER:PASS@]HOST:PORT asks an HTTP proxy for a CONNECT tunnel",
        HelpName = "URL",
    };

    /// <summary>The proxy asked for, or null without <c>--proxy</c>.</summary>
    public static ProxyOptions? Parse(ParseResult parseResult, Option<string?> option)
    {
        if (parseResult.GetValue(option) is not { } text)
        {
            return null;
        }
        if (ProxyOptions.TryParse(text, out var proxy, out var error))
        {
            return proxy;
        }
        // The URL is echoed unless it holds a password.
        var shown = text.Contains('@', StringComparison.Ordinal) ? "" : $" {text}";
        throw CliException.Usage($"--proxy{shown}: {error} (for example --proxy socks5://127.0.0.1:1080 or --proxy http://127.0.0.1:8888)");
    }
}
