using System.Globalization;
using System.Net;
using Sockit.Http;

namespace Sockit.Cli.Rendering;

/// <summary>
/// The values <c>get -w</c> can print, named and formatted as curl's (<c>time_*</c> in seconds with six decimals,
/// measured from the start, so each is at least the one before; <c>time_appconnect</c> is 0.000000 without TLS).
/// </summary>
internal sealed class WriteOutVariables(HttpRedirectResult result)
{
    /// <summary>
    /// The values after a failure with no response (refused, unknown host, timed out...), as curl prints them then:
    /// <c>http_code</c> 000, zero times and sizes, no address; so <c>-w '%{http_code}'</c> always prints something.
    /// </summary>
    public static WriteOutVariables NoResponse(HttpWireRequest request) => new(new HttpRedirectResult
    {
        Request = request,
        Response = new HttpWireResponse { Head = new HttpResponseHead(new HttpStatusLine(new Version(0, 0), 0, ""), []) },
    });

    private static readonly string[] s_names =
    [
        "http_code", "response_code", "http_version", "method", "url_effective", "num_redirects", "redirect_url", "content_type",
        "time_namelookup", "time_connect", "time_appconnect", "time_starttransfer", "time_redirect", "time_total",
        "size_download", "remote_ip", "remote_port",
    ];

    /// <summary>Every variable's name, in the order <c>--help</c> and the usage error list them.</summary>
    public static IReadOnlyList<string> Names => s_names;

    public static bool IsKnown(string name) => s_names.Contains(name, StringComparer.Ordinal);

    public string Get(string name)
    {
        var response = result.Response;
        var timings = result.Timings;
        var remote = response.RemoteEndPoint as IPEndPoint;
        return name switch
        {
            "http_code" or "response_code" => response.Head.StatusCode.ToString("000", CultureInfo.InvariantCulture),
            "http_version" => response.Head.Version.Major == 0 ? "0" : $"{response.Head.Version.Major}{(response.Head.Version.Minor == 0 && response.Head.Version.Major > 1 ? "" : "." + response.Head.Version.Minor)}",
            "method" => result.Request.Method,
            "url_effective" => result.Request.Url.ToString(),
            "num_redirects" => Number(result.Redirected.Count),
            // curl's redirect_url: where a redirect not followed would have led.
            "redirect_url" => HttpRedirectFollower.IsFollowedStatus(response.Head.StatusCode) && response.Head.GetValue("Location") is { } location
                && Uri.TryCreate(result.Request.Url, location.Trim(), out var target) ? target.ToString() : "",
            "content_type" => response.Head.GetValue("Content-Type") ?? "",
            "time_namelookup" => Seconds(timings.NameLookup),
            "time_connect" => Seconds(timings.Connect),
            "time_appconnect" => Seconds(timings.TlsHandshake),
            "time_starttransfer" => Seconds(timings.FirstByte),
            "time_redirect" => Seconds(result.RedirectTime),
            "time_total" => Seconds(timings.Total),
            "size_download" => Number(response.BodyLength),
            "remote_ip" => remote?.Address.ToString() ?? "",
            "remote_port" => Number(remote?.Port ?? 0),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a -w variable"),
        };
    }

    private static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.000000", CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
